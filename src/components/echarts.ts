/** ECharts, tree-shaken: only the charts and components the app draws, registered once. */
import { BarChart, LineChart, PieChart, SunburstChart, TreemapChart } from 'echarts/charts'
import { DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([CanvasRenderer, BarChart, LineChart, PieChart, SunburstChart, TreemapChart,
  DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent])
