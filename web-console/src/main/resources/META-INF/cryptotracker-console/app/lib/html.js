// htm bound to Preact: JSX-like templates without a compiler. Screens import everything view-related from here.
import { h, render, Fragment, createContext, cloneElement, toChildArray } from "preact";
import { memo } from "./memo.js";
import htm from "htm";

export const html = htm.bind(h);
export { h, render, Fragment, createContext, cloneElement, toChildArray, memo };
export {
  useState, useEffect, useLayoutEffect, useRef, useMemo, useCallback, useReducer, useContext, useId,
} from "preact/hooks";
