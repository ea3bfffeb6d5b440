import type { ComponentType } from 'react';
import type { MapSpec } from '../map/slots';
import type { PanelId } from './state';
import { CoveragePanel } from '../panels/coverage/CoveragePanel';
import { useCoverageCapability } from '../panels/coverage/useCoverageMap';
import { AlignmentPanel } from '../panels/alignment/AlignmentPanel';
import { useAlignmentCapability } from '../panels/alignment/useAlignmentMap';
import { RoutesPanel } from '../panels/routes/RoutesPanel';
import { useRoutesCapability } from '../panels/routes/useRoutesMap';
import { ZonesPanel } from '../panels/zones/ZonesPanel';
import { useZonesCapability } from '../panels/zones/useZonesMap';
import { addPointAt } from '../panels/zones/zones-runner';

/**
 * A user task: its panel and a hook that App calls on every render (in this fixed order) to keep the
 * task's results in step with the data and to return its map layers while its panel is open.
 * Adding a capability = its folder under src/panels plus one entry here.
 */
export interface Capability {
  id: PanelId;
  label: string;
  Panel: ComponentType;
  useCapability?: (active: boolean) => MapSpec | null;
  /** a click on the map while this task's panel is open, at [lon, lat]; true = handled (no popup) */
  onMapClick?: (lngLat: [number, number]) => boolean | void;
}

export const CAPABILITIES: Capability[] = [
  { id: 'coverage', label: 'Coverage', Panel: CoveragePanel, useCapability: useCoverageCapability },
  { id: 'alignment', label: 'Alignment', Panel: AlignmentPanel, useCapability: useAlignmentCapability },
  { id: 'zones', label: 'Thusong zones', Panel: ZonesPanel, useCapability: useZonesCapability, onMapClick: addPointAt },
  { id: 'routes', label: 'Routes', Panel: RoutesPanel, useCapability: useRoutesCapability },
];
