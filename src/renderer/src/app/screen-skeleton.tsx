/** What a screen shows while its chunk downloads: the outline of a page, no spinner flash. */
export function ScreenSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <span className="skeleton skeleton--heading" />
      <span className="skeleton skeleton--line" />
      <span className="skeleton skeleton--card" />
    </div>
  );
}
