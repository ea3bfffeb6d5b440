/** The map's public surface: the React components and the pure functions they are built from. */
export { MapView, type MapViewProps } from './MapView';
export { Legend, type LegendProps } from './Legend';
export { legendModel, toggled, type LegendGroup, type LegendItem } from './legend';
export {
  LAYER_IDS,
  defaultMapViewOptions,
  departmentFilter,
  departmentsIn,
  highlightLayers,
  officeFilter,
  provinceLayers,
  regionFilter,
  type MapLayersInput,
  type MapViewOptions,
} from './layer-specs';
export { SLOTS, composeSpecs, layerMeta, type MapSpec, type Slot } from './slots';
export { baseStyle, withBasemap } from './style';
export { extentOf, fitBoundsFor } from './fit';
export { popupModel, popupNode, type PopupModel } from './popup-content';
