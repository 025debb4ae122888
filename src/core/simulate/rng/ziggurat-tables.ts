/**
 * Tables of the 128-layer ziggurat for the standard normal (Marsaglia & Tsang 2000, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Softw. 5(8), function `zigset`). Computed once at module load; pure.
 * `k[i]` is the acceptance bound for a signed 32-bit draw in layer i, `w[i]` scales that draw to x, and
 * `f[i] = exp(-x_i²/2)` at the layer's edge.
 */
export interface ZigguratTables {
  k: Float64Array;
  w: Float64Array;
  f: Float64Array;
}

/** Right edge of the base layer (x_127) for 128 layers. */
export const ZIGGURAT_R = 3.442619855899;
/** Area of each layer. */
const LAYER_AREA = 9.91256303526217e-3;
const M1 = 2 ** 31;

function build(): ZigguratTables {
  const k = new Float64Array(128);
  const w = new Float64Array(128);
  const f = new Float64Array(128);
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = LAYER_AREA / Math.exp(-0.5 * dn * dn);
  k[0] = (dn / q) * M1;
  k[1] = 0;
  w[0] = q / M1;
  w[127] = dn / M1;
  f[0] = 1;
  f[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(LAYER_AREA / dn + Math.exp(-0.5 * dn * dn)));
    k[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    f[i] = Math.exp(-0.5 * dn * dn);
    w[i] = dn / M1;
  }
  k[0] = Math.floor(k[0]);
  return { k, w, f };
}

export const ZIGGURAT: ZigguratTables = build();
