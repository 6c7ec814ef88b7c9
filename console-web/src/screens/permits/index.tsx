/** Placeholder: the permits screen is being built (issue 11). */
export default function Screen() {
  return <h1 id="screen-title">permits</h1>;
}
