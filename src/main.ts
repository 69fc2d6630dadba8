// Placeholder until the app lands: proves the build works.
document.querySelector('#app')!.textContent = '看账 Kanzhang'
