// preact/compat's memo without loading compat: re-render only when a prop changed (shallow).
import { h } from "preact";

function shallowEqual(a, b) {
  for (const key in a) if (a[key] !== b[key]) return false;
  for (const key in b) if (!(key in a)) return false;
  return true;
}

export function memo(component, equal = shallowEqual) {
  function Memoed(props) {
    this.shouldComponentUpdate = (next) => !equal(this.props, next);
    return h(component, props);
  }
  Memoed.displayName = `Memo(${component.displayName || component.name})`;
  return Memoed;
}
