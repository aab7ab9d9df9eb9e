import type { MapBasemap, MapPoint } from '@tuijin/contracts';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';

interface BasemapViewProps {
  basemap: MapBasemap & { tileUrl: string };
  points: MapPoint[];
  colour: (point: MapPoint) => string;
  /** Plain text (lines separated by \n); escaped here before Leaflet renders it as HTML. */
  tooltip: (point: MapPoint) => string;
  ariaLabel: string;
  onOpen: (point: MapPoint) => void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where the map opens when no project has coordinates: mainland China. */
const chinaCentre: L.LatLngTuple = [35, 105];

/**
 * The map over the office's basemap (Leaflet): tiles only from this server's tile route (which reads
 * the offline package or relays the configured service), projects as circle markers coloured like
 * the schematic map, fitted to the points. A click opens the project.
 */
export function BasemapView({ basemap, points, colour, tooltip, ariaLabel, onOpen }: BasemapViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  useEffect(() => {
    if (!box.current) return;
    const created = L.map(box.current, { minZoom: basemap.minZoom, maxZoom: basemap.maxZoom });
    created.attributionControl.setPrefix('Leaflet');
    L.tileLayer(basemap.tileUrl, {
      minZoom: basemap.minZoom,
      maxZoom: basemap.maxZoom,
      attribution: escapeHtml(basemap.attribution),
    }).addTo(created);
    created.setView(chinaCentre, basemap.minZoom);
    markers.current = L.layerGroup().addTo(created);
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      markers.current = null;
    };
  }, [basemap.tileUrl, basemap.minZoom, basemap.maxZoom, basemap.attribution]);

  useEffect(() => {
    const layer = markers.current;
    const current = map.current;
    if (!layer || !current) return;
    layer.clearLayers();
    for (const point of points) {
      L.circleMarker([point.latitude, point.longitude], {
        radius: 6,
        color: '#ffffff',
        weight: 1,
        fillColor: colour(point),
        fillOpacity: 0.9,
      })
        .bindTooltip(escapeHtml(tooltip(point)).replaceAll('\n', '<br/>'))
        .on('click', () => openRef.current(point))
        .addTo(layer);
    }
    if (points.length > 0) {
      const bounds = L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as L.LatLngTuple));
      current.fitBounds(bounds, { padding: [24, 24], maxZoom: Math.min(13, basemap.maxZoom) });
    }
  }, [points, colour, tooltip, basemap.maxZoom]);

  return (
    <div ref={box} role="img" aria-label={ariaLabel} data-testid="map-basemap" style={{ height: 560 }} />
  );
}
