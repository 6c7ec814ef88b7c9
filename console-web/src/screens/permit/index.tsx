/** Placeholder: the permit screen is being built (issue 11). */
export default function Screen() {
  return <h1 id="screen-title">permit</h1>;
}
