/** Small stroke icons for the navigation (decorative: the link text names the page). */
const paths = {
  overview: 'M3 12l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  keys: 'M15 7a4 4 0 1 1-3.9 4.9L3 20v-3h2v-2h2v-2l2.1-2.1A4 4 0 0 1 15 7zm1.5 2.5h.01',
  credits: 'M3 6h18v12H3zM3 10h18M7 15h4',
  usage: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  models: 'M12 3l8 4.5v9L12 21l-8-4.5v-9zM12 12l8-4.5M12 12v9M12 12L4 7.5',
  docs: 'M5 4h10l4 4v12H5zM15 4v4h4M8 12h8M8 16h6',
  users: 'M16 20v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM22 20v-2a4 4 0 0 0-3-3.9M16 2.1a4 4 0 0 1 0 7.8',
  requests: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5',
  upstreams: 'M3 4h18v6H3zM3 14h18v6H3zM7 7h.01M7 17h.01',
  catalog: 'M20.6 13.4l-7.2 7.2a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8zM7.5 7.5h.01',
  audit: 'M9 3h6v3H9zM7 4.5H5V21h14V4.5h-2M9 11h6M9 15h6M9 19h3',
} as const;

export type NavIconName = keyof typeof paths;

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg
      className="nav__icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[name]} />
    </svg>
  );
}
