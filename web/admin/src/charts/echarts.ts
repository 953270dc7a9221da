// ECharts on demand: the core, the canvas renderer and only the charts and components the console
// draws, registered once. Imported by ChartCard.vue alone, which only lazily loaded pages use, so
// the sign-in page and the lists never download ECharts.
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';

use([CanvasRenderer, BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent]);
