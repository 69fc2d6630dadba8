/**
 * The window's width, reactive, for the few choices CSS cannot make: chart
 * builders are pure and take the width they lay out for (legend rows, label
 * density) instead of reading the window themselves.
 */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** Below this width the app uses its phone layout (as the media queries in app.css). */
export const PHONE_MAX = 768

export function useViewportWidth(): Ref<number> {
  const width = ref(typeof window === 'undefined' ? 1440 : window.innerWidth)
  const update = () => { width.value = window.innerWidth }
  onMounted(() => { update(); window.addEventListener('resize', update) })
  onBeforeUnmount(() => window.removeEventListener('resize', update))
  return width
}

/**
 * Width of a chart in the page, px: the window less the sidebar (wide windows)
 * and padding, split over `columns` cards side by side (.grid2 stacks below 1100 px).
 */
export function chartWidthFor(viewport: number, columns = 1): number {
  if (viewport < PHONE_MAX) return viewport - 44
  const content = viewport - 270
  return viewport < 1100 ? content : Math.round(content / columns) - 16
}
