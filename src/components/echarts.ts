/**
 * ECharts, tree-shaken: only the charts and components the app draws,
 * registered once. Aria (screen-reader descriptions and decal patterns) and
 * Graphic (the source line of an exported image) are needed by every chart;
 * the SVG renderer is registered by src/publish/export-chart.ts for exports.
 */
import { BarChart, LineChart, PieChart, SunburstChart, TreemapChart } from 'echarts/charts'
import {
  AriaComponent, DatasetComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent,
} from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([CanvasRenderer, BarChart, LineChart, PieChart, SunburstChart, TreemapChart,
  AriaComponent, DatasetComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent])
