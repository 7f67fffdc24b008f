/**
 * log, sin and cos exactly as glibc 2.36's libm computes them on x86_64, to the last bit.
 *
 * Why: CPython's `random.gauss` calls the C library's log, cos and sin, and V8's Math.* differ
 * from glibc by one ulp on a few percent of inputs. To reproduce Python's numbers bit for bit we
 * run glibc's own algorithms, including its rare results that are not correctly rounded.
 *
 * Which glibc code: on a CPU with FMA and AVX2, glibc picks at run time the variants compiled
 * with -mfma (`__ieee754_log_fma`, `__sin_fma`, `__cos_fma`). GCC contracts many `a * b + c`
 * expressions of the C source into fused multiply-adds there, and a fused operation rounds once
 * where the plain C expression rounds twice. So this file follows the C sources in
 * sysdeps/ieee754/dbl-64/:
 *   e_log.c, e_log_data.c   (log; from ARM's optimized-routines)
 *   s_sin.c, usncs.h, sincostab.c, branred.c, branred.h   (IBM Accurate Mathematical Library)
 * but with every operation, fused or not, taken from the machine code of those FMA variants in
 * Debian 12's libm.so.6 (glibc 2.36-9), and `fma()` below computing a fused multiply-add exactly.
 * The tables were read out of that same libm.so.6 (they agree with the C sources).
 *
 * On a CPU without FMA (or AVX2), glibc runs other variants, which round differently here and
 * there: these functions reproduce the FMA machines. Other C libraries (macOS, Windows, musl)
 * have their own log, sin and cos; Python there gives other last bits.
 *
 * Domain: every double (gauss needs only (0, 1] for log and [0, 2π) for sin and cos). NaN
 * results are NaN, without glibc's sign or payload.
 */

// ---------------------------------------------------------------------------------------------
// Bit access. One shared scratch buffer, so no allocation per call.

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high (sign, exponent, top of mantissa) 32-bit word of F64[0]. */
const HI = (() => {
  F64[0] = 1;
  return U32[1] === 0x3ff00000 ? 1 : 0;
})();
const LO = 1 - HI;

function fromWords(hi: number, lo: number): number {
  U32[HI] = hi;
  U32[LO] = lo;
  return F64[0]!;
}

/** A double from its 16 hex digits, e.g. '3FF0000000000000' -> 1. */
function fromHexBits(bits: string): number {
  return fromWords(parseInt(bits.slice(0, 8), 16), parseInt(bits.slice(8), 16));
}

/** A double from a C99 hex-float literal as glibc writes them, e.g. '-0x1.62e42fefa3800p-1'. */
function hexFloat(text: string): number {
  const m = /^(-?)0x([01])(?:\.([0-9a-f]{0,13}))?p([+-]?\d+)$/i.exec(text);
  if (m === null) throw new Error(`bad hex float ${text}`);
  const digits = (m[3] ?? '').padEnd(13, '0');
  // At most 53 significant bits: the integer is exact, and so is scaling by a power of two
  // as long as the result is normal (true for every constant in this file).
  const mantissa = parseInt(m[2]! + digits, 16);
  const exp = Number(m[4]) - 52;
  const scale = fromWords(((exp + 1023) * 0x100000) >>> 0, 0);
  const value = mantissa * scale;
  return m[1] === '-' ? -value : value;
}

// ---------------------------------------------------------------------------------------------
// Exact fused multiply-add: fma(a, b, c) = a * b + c rounded once, like x86's vfmadd.
//
// The product is split exactly into ph + pl (Dekker/Veltkamp), c + ph exactly into sh + sl
// (Knuth's two-sum), and the result is r = sh + (sl + pl). That double rounding can only go
// wrong when sh + v, v = RN(sl + pl), lands exactly halfway between two doubles while v itself
// was inexact: then the exact sum lies on one side of the tie, given by the sign of v's error.
// This is the argument of Boldo & Melquiond, "Emulation of FMA and correctly rounded sums:
// proved algorithms using rounding to odd" (IEEE Trans. Computers, 2008), which rounds v to
// odd instead; breaking the rare tie by hand gives the same result without bit access.
// Valid while nothing overflows or underflows (|a|, |b| < 2^995 and the product's low part
// above 2^-969), which holds for every call below: the smallest products (log near 1) are
// around 2^-300.

/** 2^27 + 1, Veltkamp's splitting constant for 53-bit doubles. */
const SPLITTER = 134217729;

/** a * b + c with a single rounding, exactly as a hardware fused multiply-add (x86 vfmadd). */
export function fma(a: number, b: number, c: number): number {
  const ph = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  t = SPLITTER * b;
  const bh = t - (t - b);
  const al = a - ah;
  const bl = b - bh;
  const pl = ah * bh - ph + ah * bl + al * bh + al * bl; // a*b = ph + pl exactly
  const sh = c + ph;
  t = sh - c;
  const sl = c - (sh - t) + (ph - t); // c + ph = sh + sl exactly
  const v = sl + pl;
  const r = sh + v;
  // e2 = sh + v - r, exact (Fast2Sum) whenever v is inexact, as |v| <= ulp(sh) then.
  const e2 = v - (r - sh);
  if (e2 === 0 || r + 2 * e2 - r !== 2 * e2) return r; // sh + v was not a tie: r is right
  return breakTie(sl, pl, v, r, e2);
}

/** fma's rare case: sh + v was exactly halfway between r and r + 2*e2. */
function breakTie(sl: number, pl: number, v: number, r: number, e2: number): number {
  const t = v - sl;
  const verr = sl - (v - t) + (pl - t); // sl + pl = v + verr exactly
  if (verr === 0) return r; // no double rounding after all
  return e2 > 0 === verr > 0 ? r + 2 * e2 : r; // the exact sum is past the tie, toward verr
}

// ---------------------------------------------------------------------------------------------
// log: sysdeps/ieee754/dbl-64/e_log.c (glibc >= 2.28), as compiled into __ieee754_log_fma.

/** Polynomial for log1p(r) - r on |r| < 1/256, A[0..4] (e_log_data.c `poly`). */
const A0 = hexFloat('-0x1.0000000000001p-1');
const A1 = hexFloat('0x1.555555551305bp-2');
const A2 = hexFloat('-0x1.fffffffeb459p-3');
const A3 = hexFloat('0x1.999b324f10111p-3');
const A4 = hexFloat('-0x1.55575e506c89fp-3');
/** Polynomial for log(1 + r) near 1, B[0..10] (e_log_data.c `poly1`); B[0] = -0.5. */
const B0 = hexFloat('-0x1p-1');
const B1 = hexFloat('0x1.5555555555577p-2');
const B2 = hexFloat('-0x1.ffffffffffdcbp-3');
const B3 = hexFloat('0x1.999999995dd0cp-3');
const B4 = hexFloat('-0x1.55555556745a7p-3');
const B5 = hexFloat('0x1.24924a344de3p-3');
const B6 = hexFloat('-0x1.fffffa4423d65p-4');
const B7 = hexFloat('0x1.c7184282ad6cap-4');
const B8 = hexFloat('-0x1.999eb43b068ffp-4');
const B9 = hexFloat('0x1.78182f7afd085p-4');
const B10 = hexFloat('-0x1.5521375d145cdp-4');
const LN2_HI = hexFloat('0x1.62e42fefa3800p-1');
const LN2_LO = hexFloat('0x1.ef35793c76730p-45');

/**
 * e_log_data.c `tab`: row i holds invc = 1/c and logc = log(c) for a c near the centre of the
 * i-th of 128 subintervals of [0x1.6p-1, 0x1.6p0); stored interleaved, invc at index 2*i.
 */
const LOG_TAB = Float64Array.from(
  `
  0x1.734f0c3e0de9fp+0  -0x1.7cc7f79e69000p-2
  0x1.713786a2ce91fp+0  -0x1.76feec20d0000p-2
  0x1.6f26008fab5a0p+0  -0x1.713e31351e000p-2
  0x1.6d1a61f138c7dp+0  -0x1.6b85b38287800p-2
  0x1.6b1490bc5b4d1p+0  -0x1.65d5590807800p-2
  0x1.69147332f0cbap+0  -0x1.602d076180000p-2
  0x1.6719f18224223p+0  -0x1.5a8ca86909000p-2
  0x1.6524f99a51ed9p+0  -0x1.54f4356035000p-2
  0x1.63356aa8f24c4p+0  -0x1.4f637c36b4000p-2
  0x1.614b36b9ddc14p+0  -0x1.49da7fda85000p-2
  0x1.5f66452c65c4cp+0  -0x1.445923989a800p-2
  0x1.5d867b5912c4fp+0  -0x1.3edf439b0b800p-2
  0x1.5babccb5b90dep+0  -0x1.396ce448f7000p-2
  0x1.59d61f2d91a78p+0  -0x1.3401e17bda000p-2
  0x1.5805612465687p+0  -0x1.2e9e2ef468000p-2
  0x1.56397cee76bd3p+0  -0x1.2941b3830e000p-2
  0x1.54725e2a77f93p+0  -0x1.23ec58cda8800p-2
  0x1.52aff42064583p+0  -0x1.1e9e129279000p-2
  0x1.50f22dbb2bddfp+0  -0x1.1956d2b48f800p-2
  0x1.4f38f4734ded7p+0  -0x1.141679ab9f800p-2
  0x1.4d843cfde2840p+0  -0x1.0edd094ef9800p-2
  0x1.4bd3ec078a3c8p+0  -0x1.09aa518db1000p-2
  0x1.4a27fc3e0258ap+0  -0x1.047e65263b800p-2
  0x1.4880524d48434p+0  -0x1.feb224586f000p-3
  0x1.46dce1b192d0bp+0  -0x1.f474a7517b000p-3
  0x1.453d9d3391854p+0  -0x1.ea4443d103000p-3
  0x1.43a2744b4845ap+0  -0x1.e020d44e9b000p-3
  0x1.420b54115f8fbp+0  -0x1.d60a22977f000p-3
  0x1.40782da3ef4b1p+0  -0x1.cc00104959000p-3
  0x1.3ee8f5d57fe8fp+0  -0x1.c202956891000p-3
  0x1.3d5d9a00b4ce9p+0  -0x1.b81178d811000p-3
  0x1.3bd60c010c12bp+0  -0x1.ae2c9ccd3d000p-3
  0x1.3a5242b75dab8p+0  -0x1.a45402e129000p-3
  0x1.38d22cd9fd002p+0  -0x1.9a877681df000p-3
  0x1.3755bc5847a1cp+0  -0x1.90c6d69483000p-3
  0x1.35dce49ad36e2p+0  -0x1.87120a645c000p-3
  0x1.34679984dd440p+0  -0x1.7d68fb4143000p-3
  0x1.32f5cceffcb24p+0  -0x1.73cb83c627000p-3
  0x1.3187775a10d49p+0  -0x1.6a39a9b376000p-3
  0x1.301c8373e3990p+0  -0x1.60b3154b7a000p-3
  0x1.2eb4ebb95f841p+0  -0x1.5737d76243000p-3
  0x1.2d50a0219a9d1p+0  -0x1.4dc7b8fc23000p-3
  0x1.2bef9a8b7fd2ap+0  -0x1.4462c51d20000p-3
  0x1.2a91c7a0c1babp+0  -0x1.3b08abc830000p-3
  0x1.293726014b530p+0  -0x1.31b996b490000p-3
  0x1.27dfa5757a1f5p+0  -0x1.2875490a44000p-3
  0x1.268b39b1d3bbfp+0  -0x1.1f3b9f879a000p-3
  0x1.2539d838ff5bdp+0  -0x1.160c8252ca000p-3
  0x1.23eb7aac9083bp+0  -0x1.0ce7f57f72000p-3
  0x1.22a012ba940b6p+0  -0x1.03cdc49fea000p-3
  0x1.2157996cc4132p+0  -0x1.f57bdbc4b8000p-4
  0x1.201201dd2fc9bp+0  -0x1.e370896404000p-4
  0x1.1ecf4494d480bp+0  -0x1.d17983ef94000p-4
  0x1.1d8f5528f6569p+0  -0x1.bf9674ed8a000p-4
  0x1.1c52311577e7cp+0  -0x1.adc79202f6000p-4
  0x1.1b17c74cb26e9p+0  -0x1.9c0c3e7288000p-4
  0x1.19e010c2c1ab6p+0  -0x1.8a646b372c000p-4
  0x1.18ab07bb670bdp+0  -0x1.78d01b3ac0000p-4
  0x1.1778a25efbcb6p+0  -0x1.674f145380000p-4
  0x1.1648d354c31dap+0  -0x1.55e0e6d878000p-4
  0x1.151b990275fddp+0  -0x1.4485cdea1e000p-4
  0x1.13f0ea432d24cp+0  -0x1.333d94d6aa000p-4
  0x1.12c8b7210f9dap+0  -0x1.22079f8c56000p-4
  0x1.11a3028ecb531p+0  -0x1.10e4698622000p-4
  0x1.107fbda8434afp+0  -0x1.ffa6c6ad20000p-5
  0x1.0f5ee0f4e6bb3p+0  -0x1.dda8d4a774000p-5
  0x1.0e4065d2a9fcep+0  -0x1.bbcece4850000p-5
  0x1.0d244632ca521p+0  -0x1.9a1894012c000p-5
  0x1.0c0a77ce2981ap+0  -0x1.788583302c000p-5
  0x1.0af2f83c636d1p+0  -0x1.5715e67d68000p-5
  0x1.09ddb98a01339p+0  -0x1.35c8a49658000p-5
  0x1.08cabaf52e7dfp+0  -0x1.149e364154000p-5
  0x1.07b9f2f4e28fbp+0  -0x1.e72c082eb8000p-6
  0x1.06ab58c358f19p+0  -0x1.a55f152528000p-6
  0x1.059eea5ecf92cp+0  -0x1.63d62cf818000p-6
  0x1.04949cdd12c90p+0  -0x1.228fb8caa0000p-6
  0x1.038c6c6f0ada9p+0  -0x1.c317b20f90000p-7
  0x1.02865137932a9p+0  -0x1.419355daa0000p-7
  0x1.0182427ea7348p+0  -0x1.81203c2ec0000p-8
  0x1.008040614b195p+0  -0x1.0040979240000p-9
  0x1.fe01ff726fa1ap-1  0x1.feff384900000p-9
  0x1.fa11cc261ea74p-1  0x1.7dc41353d0000p-7
  0x1.f6310b081992ep-1  0x1.3cea3c4c28000p-6
  0x1.f25f63ceeadcdp-1  0x1.b9fc114890000p-6
  0x1.ee9c8039113e7p-1  0x1.1b0d8ce110000p-5
  0x1.eae8078cbb1abp-1  0x1.58a5bd001c000p-5
  0x1.e741aa29d0c9bp-1  0x1.95c8340d88000p-5
  0x1.e3a91830a99b5p-1  0x1.d276aef578000p-5
  0x1.e01e009609a56p-1  0x1.07598e598c000p-4
  0x1.dca01e577bb98p-1  0x1.253f5e30d2000p-4
  0x1.d92f20b7c9103p-1  0x1.42edd8b380000p-4
  0x1.d5cac66fb5ccep-1  0x1.606598757c000p-4
  0x1.d272caa5ede9dp-1  0x1.7da76356a0000p-4
  0x1.cf26e3e6b2ccdp-1  0x1.9ab434e1c6000p-4
  0x1.cbe6da2a77902p-1  0x1.b78c7bb0d6000p-4
  0x1.c8b266d37086dp-1  0x1.d431332e72000p-4
  0x1.c5894bd5d5804p-1  0x1.f0a3171de6000p-4
  0x1.c26b533bb9f8cp-1  0x1.067152b914000p-3
  0x1.bf583eeece73fp-1  0x1.147858292b000p-3
  0x1.bc4fd75db96c1p-1  0x1.2266ecdca3000p-3
  0x1.b951e0c864a28p-1  0x1.303d7a6c55000p-3
  0x1.b65e2c5ef3e2cp-1  0x1.3dfc33c331000p-3
  0x1.b374867c9888bp-1  0x1.4ba366b7a8000p-3
  0x1.b094b211d304ap-1  0x1.5933928d1f000p-3
  0x1.adbe885f2ef7ep-1  0x1.66acd2418f000p-3
  0x1.aaf1d31603da2p-1  0x1.740f8ec669000p-3
  0x1.a82e63fd358a7p-1  0x1.815c0f51af000p-3
  0x1.a5740ef09738bp-1  0x1.8e92954f68000p-3
  0x1.a2c2a90ab4b27p-1  0x1.9bb3602f84000p-3
  0x1.a01a01393f2d1p-1  0x1.a8bed1c2c0000p-3
  0x1.9d79f24db3c1bp-1  0x1.b5b515c01d000p-3
  0x1.9ae2505c7b190p-1  0x1.c2967ccbcc000p-3
  0x1.9852ef297ce2fp-1  0x1.cf635d5486000p-3
  0x1.95cbaeea44b75p-1  0x1.dc1bd3446c000p-3
  0x1.934c69de74838p-1  0x1.e8c01b8cfe000p-3
  0x1.90d4f2f6752e6p-1  0x1.f5509c0179000p-3
  0x1.8e6528effd79dp-1  0x1.00e6c121fb800p-2
  0x1.8bfce9fcc007cp-1  0x1.071b80e93d000p-2
  0x1.899c0dabec30ep-1  0x1.0d46b9e867000p-2
  0x1.87427aa2317fbp-1  0x1.13687334bd000p-2
  0x1.84f00acb39a08p-1  0x1.1980d67234800p-2
  0x1.82a49e8653e55p-1  0x1.1f8ffe0cc8000p-2
  0x1.8060195f40260p-1  0x1.2595fd7636800p-2
  0x1.7e22563e0a329p-1  0x1.2b9300914a800p-2
  0x1.7beb377dcb5adp-1  0x1.3187210436000p-2
  0x1.79baa679725c2p-1  0x1.377266dec1800p-2
  0x1.77907f2170657p-1  0x1.3d54ffbaf3000p-2
  0x1.756cadbd6130cp-1  0x1.432eee32fe000p-2
`
    .trim()
    .split(/\s+/),
  hexFloat,
);

/** log(x) exactly as glibc 2.36 computes it (x86_64, FMA variant), for every double x. */
export function log(x: number): number {
  F64[0] = x;
  let hi = U32[HI]!;
  let lo = U32[LO]!;

  // Inputs in [1 - 2^-4, 1 + 0x1.09p-4): log(1 + r) by a degree-11 polynomial, r exact.
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) {
    if (x === 1) return 0;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    // y = r3 * (B1 + r*B2 + r2*B3 + r3*(B4 + r*B5 + r2*B6 + r3*(B7 + r*B8 + r2*B9 + r3*B10)))
    // evaluated in the fused order GCC chose:
    const p1 = fma(r2, B3, fma(r, B2, B1));
    const p2 = fma(r2, B6, fma(r, B5, B4));
    const p3 = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
    const p = fma(fma(p3, r3, p2), r3, p1);
    // rhi = r rounded to 26 bits via r + r*2^27 - r*2^27 (both fused; r*2^27 is exact).
    const rhi = r * 0x8000000 + r - r * 0x8000000;
    const rlo = r - rhi;
    const rhi2 = rhi * rhi;
    // hi + lo = r - rhi^2/2; B0 * rhi2 is exact, so these fused forms are plain sums.
    const h = r + rhi2 * B0;
    let l = r - h + rhi2 * B0;
    l = fma(B0 * rlo, rhi + r, l);
    return h + fma(p, r3, l);
  }

  if (hi - 0x00100000 >= 0x7ff00000 - 0x00100000 || hi < 0x00100000) {
    // x < 2^-1022 (subnormal, zero or negative), or inf, or nan.
    if ((hi & 0x7fffffff) === 0 && lo === 0) return -Infinity;
    if (x === Infinity) return x;
    if (hi >= 0x80000000 || (hi & 0x7ff00000) === 0x7ff00000) return NaN;
    // Subnormal: scale by 2^52 to normalize, and take 52 off the exponent.
    F64[0] = x * 0x10000000000000;
    hi = U32[HI]! - (52 << 20);
    lo = U32[LO]!;
  }

  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0), in the i-th of 128 subintervals.
  // tmp = ix - 0x3fe6000000000000; only its high word matters (the constant's low word is 0).
  const tmp = (hi - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 127;
  const k = tmp >> 20;
  const z = fromWords((hi - (k << 20)) >>> 0, lo);
  const invc = LOG_TAB[2 * i]!;
  const logc = LOG_TAB[2 * i + 1]!;

  // log(x) = log1p(z/c - 1) + log(c) + k*ln2.
  const r = fma(z, invc, -1);
  // k*LN2_HI is exact (LN2_HI has 42 significant bits, |k| < 2^11): the fma is a plain sum.
  const w = k * LN2_HI + logc;
  const h = w + r;
  const l = fma(k, LN2_LO, w - h + r);
  const r2 = r * r;
  const q = fma(fma(r, A4, A3), r2, fma(r, A2, A1));
  return fma(r * r2, q, fma(r2, A0, l)) + h;
}

// ---------------------------------------------------------------------------------------------
// sin, cos: sysdeps/ieee754/dbl-64/s_sin.c (IBM Accurate Mathematical Library), as compiled
// into __sin_fma and __cos_fma. Constants from usncs.h and s_sin.c.

// Taylor coefficients for sin near 0 (usncs.h s1..s5).
const S1 = hexFloat('-0x1.5555555555555p-3');
const S2 = hexFloat('0x1.1111111110ECEp-7');
const S3 = hexFloat('-0x1.A01A019DB08B8p-13');
const S4 = hexFloat('0x1.71DE27B9A7ED9p-19');
const S5 = hexFloat('-0x1.ADDFFC2FCDF59p-26');
// sin and cos of the small remainder after a table look-up (s_sin.c sn3, sn5, cs2, cs4, cs6;
// cs2 = 4.99999999999999999999950396842453E-01 is 0.5 as a double).
const SN3 = hexFloat('-0x1.5555555555515p-3');
const SN5 = hexFloat('0x1.11110e829872fp-7');
const CS2 = 0.5;
const CS4 = hexFloat('-0x1.5555555555535p-5');
const CS6 = hexFloat('0x1.6c16bedd9e239p-10');
/** 1.5 * 2^45: adding it rounds |x| < 1 to a multiple of 1/128, the table step. */
const BIG = hexFloat('0x1.8000000000000p45');
/** pi/2 = HP0 + HP1. */
const HP0 = hexFloat('0x1.921FB54442D18p0');
const HP1 = hexFloat('0x1.1A62633145C07p-54');
/** pi/2 = MP1 + MP2 + PP3 + PP4 to 136 bits, for the reduction x - n*pi/2. */
const MP1 = hexFloat('0x1.921FB58000000p0');
const MP2 = hexFloat('-0x1.DDE973C000000p-27');
const PP3 = hexFloat('-0x1.CB3B398000000p-55');
const PP4 = hexFloat('-0x1.d747f23e32ed7p-83');
/** 2/pi. */
const HPINV = hexFloat('0x1.45F306DC9C883p-1');
/** 1.5 * 2^52: adding it rounds to an integer. */
const TOINT = hexFloat('0x1.8000000000000p52');

// Thresholds on |x|, from the high-word tests in s_sin.c (the low words are zero, so
// `(hi & 0x7fffffff) < K` is exactly `|x| < fromWords(K, 0)`).
const TINY_SIN = fromWords(0x3e500000, 0); // 2^-26: sin(x) = x below
const TINY_COS = fromWords(0x3e400000, 0); // 2^-27: cos(x) = 1 below
const TABLE_MAX = fromWords(0x3feb6000, 0); // 0.85546875: direct table look-up below
const NEAR_PI_2 = fromWords(0x400368fd, 0); // 2.426...: one subtraction of pi/2 below
const REDUCE_MAX = fromWords(0x419921fb, 0); // 105414336: reduce_sincos below, __branred above

/**
 * sincostab.c `__sincostab`: row i (i = 0..109) holds sin(i/128) and cos(i/128), each as a
 * double plus a correction: sn, ssn, cs, ccs at index 4*i. Bit patterns, high word first as in
 * the C source.
 */
const SINCOS_TAB = Float64Array.from(
  `
  0000000000000000 0000000000000000 3FF0000000000000 0000000000000000
  3F7FFFEAAAAEEEEF BC1E45E2EC67B77C 3FEFFFC000155552 3C8F4A01A0196DAE
  3F8FFFAAAAEEEED5 BC02AB639A9F0777 3FEFFF000155549F 3C828A28A03A5EF3
  3F97FF7001033255 3BFEFE2B51527336 3FEFFDC006BFF7E6 3C8AE6DAE86977BD
  3F9FFEAAAEEEE86F BC3CD406FB224AE2 3FEFFC00155527D3 BC83B54492D89B5B
  3FA3FEB2B12D45D5 3C34EC54203D1C11 3FEFF9C03414A7BA 3C6991F4BE6C59BF
  3FA7FDC01032FBA9 BC4599BDF46E997A 3FEFF7006BFDF99F BC78B3B560648D5F
  3FABFC6D78586DAC 3C18E4FD03DBF236 3FEFF3C0C8103A31 3C74856DBDDC0E66
  3FAFFAAAEEED4EDB BC42D16D32684B69 3FEFF0015549F4D3 3C8328387B99426F
  3FB1FC343D808BEF BC5F3D32E6F3BE4F 3FEFEBC222A8EF9F 3C57934934F54C77
  3FB3FACB12D1755B BC5921915299468C 3FEFE7034129EF6F BC6CBF4337C96F97
  3FB5F911FD10B737 BC50184F02BE9102 3FEFE1C4C3C873EB BC35A9C9057C4A02
  3FB7F701032550E4 3C3AFC2D1800501A 3FEFDC06BF7E6B9B 3C831902B535F8DB
  3FB9F4902D55D1F9 3C52696D7EAC1DC1 3FEFD5C94B43E000 BC62E768CB4F92F9
  3FBBF1B78568391D 3C5E91841DEA4CC8 3FEFCF0C800E99B1 3C6EA3D786D186AC
  3FBDEE6F16C1CCE6 BC450F8E2FB71673 3FEFC7D078D1BC88 3C8075D2447DB685
  3FBFEAAEEE86EE36 BC4AFCB2BCC6F03B 3FEFC015527D5BD3 3C8B68F35094EFB8
  3FC0F3378DDD71D1 3C6D8468724F0F9E 3FEFB7DB2BFE0695 3C821DADF4F65AB1
  3FC1F0D3D7AFCEAF BC66EF95099769A5 3FEFAF22263C4BD3 BC552ACE133A2769
  3FC2EE285E4AB88F BC6E4D0F05DEE058 3FEFA5EA641C36F2 3C404DA6ED17CC7C
  3FC3EB312C5D66CB 3C647D666B66CB91 3FEF9C340A7CC428 3C8C5B6B063B7462
  3FC4E7EA4DC5F27B 3C5949DB2AC072FC 3FEF91FF40374D01 BC67D03F4D3A9E4C
  3FC5E44FCFA126F3 BC66F443063F89B6 3FEF874C2E1EECF6 BC8C6514E1332B16
  3FC6E05DC05A4D4C BBD32C5C8B81C940 3FEF7C1AFEFFDE24 BC78F55BC47540B1
  3FC7DC102FBAF2B5 3C45AB50E23C97C3 3FEF706BDF9ECE1C BC8698C80C36DCB4
  3FC8D7632EFAA944 BC620FA262CBB953 3FEF643EFEB82ACD 3C76B00AC1FE28AC
  3FC9D252D0CEC312 3C59C43D80B1137D 3FEF57948CFF6797 3C6E3A0D3E03B1D5
  3FCACCDB297A0765 BC59883B57D6CDEB 3FEF4A6CBD1E3A79 3C813DF0EDAEBB57
  3FCBC6F84EDC6199 3C69C1A56A7B0CAB 3FEF3CC7C3B3D16E BC621A3AD28A3494
  3FCCC0A6588289A3 BC6868D09BC87C6B 3FEF2EA5D753FFED 3C8CC4215F56D583
  3FCDB9E15FB5A5D0 BC632E20D6CC6FC2 3FEF20073086649F 3C7B940416C1984B
  3FCEB2A57F8AE5A3 BC60BE06AF572CEB 3FEF10EC09C5873B 3C8D9072762C1283
  3FCFAAEED4F31577 BC615D88508E32B8 3FEF01549F7DEEA1 3C8D3C1E99E5CAFD
  3FD0515CBF65155C BC79B8C29DFD8EC8 3FEEF141300D2F26 BC82AA1B08DED372
  3FD0CD00CEF36436 BC79FB0A0C93E2B5 3FEEE0B1FBC0F11C BC4BFD2380BBC3B1
  3FD14861AA94DDEB BC6BE881B5B615A4 3FEECFA744D5EFA1 BC556D0A4AF541D0
  3FD1C37D64C6B876 3C746076FE0DCFF5 3FEEBE214F76EFA8 BC802F9F12BA543E
  3FD23E52111AAF36 BC74F080334EFF18 3FEEAC2061BBAF4F 3C62C1D53E94658D
  3FD2B8DDC43EB49F 3C61553899F2D807 3FEE99A4C3A7CD83 BC82264B1BC53CE8
  3FD3331E94049F87 3C7E0CB6B40C302C 3FEE86AEBF29A9ED 3C89397AFDBB58A7
  3FD3AD129769D3D8 3C003D5504878398 3FEE733EA0193D40 BC86428B3546CE13
  3FD426B7E69EE697 BC7F09C75705C59F 3FEE5F54B436E9D0 3C87EB0FD02FC8BC
  3FD4A00C9B0F3D20 3C7823BA6BB08EAD 3FEE4AF14B2A449C BC868CA02E8A6833
  3FD5190ECF68A77A 3C7B357155EEF0F3 3FEE3614B680D6A5 BC727793AA015237
  3FD591BC9FA2F597 3C67C74BAC3FE0CB 3FEE20BF49ACD6C1 BC5660AEC7EF636C
  3FD60A1429078775 3C5B1FD80BA89133 3FEE0AF15A03DBCE 3C5FE8E702771AE6
  3FD682138A38D7F7 BC7D889202444AAD 3FEDF4AB3EBD875E BC8E2D8A7E6736C4
  3FD6F9B8E33A0255 3C742BC14EE9DA0D 3FEDDDED50F228D6 BC6E80C8D42BA2BF
  3FD7710255764214 BC66EAD7314BB6CE 3FEDC6B7EB995912 3C54B364776DCD35
  3FD7E7EE03C86D4E BC7B63BCDABF5AF2 3FEDAF0B6B888E83 3C8A249E2B5E5CEA
  3FD85E7A12826949 3C78A40E9B5FACE0 3FED96E82F71A9DC 3C8FF61BD5D2039D
  3FD8D4A4A774992F 3C744A02EA766326 3FED7E4E97E17B4A BC63B770352BED94
  3FD94A6BE9F546C5 BC769CE13E683F58 3FED653F073E4040 BC876236434BEC37
  3FD9BFCE02E80510 3C709E39A320B0A4 3FED4BB9E1C619E0 3C8F34BB77858F61
  3FDA34C91CC50CCA BC5A310E3B50CECD 3FED31BF8D8D7C06 3C7E60DD3089CBDD
  3FDAA95B63A09277 BC66293EB13C0381 3FED1750727D94F0 3C80D52B1EC1A48E
  3FDB1D8305321617 BC7AE242CB99F519 3FECFC6CFA52AD9F 3C88B5B5508F2A0D
  3FDB913E30DBAC43 BC7E38AD2F6C3FF1 3FECE115909A82E5 3C81F139BB31109A
  3FDC048B17B140A3 3C619FE6757E9FA7 3FECC54AA2B2972E 3C64EE162BA83A98
  3FDC7767EC7FD19E BC5EB14D1A3D5826 3FECA90C9FC67D0B BC646A81485E3462
  3FDCE9D2E3D4A51F BC62FC8A12DAE298 3FEC8C5BF8CE1A84 3C7AB3D1A1590123
  3FDD5BCA34047661 3C728A44A75FC29C 3FEC6F39208BE53B BC8741DBFBAADB42
  3FDDCD4C15329C9A 3C70D4C6E171FD9A 3FEC51A48B8B175E BC61BBB43B9AA880
  3FDE3E56C1582A69 BC50A4821099F88F 3FEC339EB01DDD81 BC8CAAF5EE82C5C0
  3FDEAEE8744B05F0 BC5789B43C9B027D 3FEC1528065B7D50 BC8892111312E828
  3FDF1EFF6BC4F97B 3C717212F8A7525C 3FEBF641081E7536 3C8B7BD71628A9A1
  3FDF8E99E76ABC97 3C59D950AF2D00A3 3FEBD6EA310294F5 3C731BBCC88C109D
  3FDFFDB628D2F57A 3C6F4A992E905B6A 3FEBB723FE630F32 3C772BD2452D0A39
  3FE0362939C69955 BC82D8CD78397B01 3FEB96EEEF58840E 3C545A3CC78FADE0
  3FE06D3686946E5B 3C83F5AE4538FF1B 3FEB764B84B704C2 BC8F5848C21B389B
  3FE0A4021E9E1001 BC86F643A13914F6 3FEB553A410C104E 3C58FF7947027A16
  3FE0DA8B26B5672E BC8A58DEF0BEE909 3FEB33BBA89C8948 3C8EA6A51D1F6CA9
  3FE110D0C4B69C3B 3C8D918998809981 3FEB11D04162A4C6 3C71DD561EFBC0C2
  3FE146D21F8B7F82 3C7BF9535E2739A8 3FEAEF78930BD275 BC7F836279746F94
  3FE17C8E5F2EEDB0 3C635E57102E2488 3FEACCB526F69DE5 3C88FB6A8DD6B6CC
  3FE1B204ACB02FDD BC5F190C70CBB5FF 3FEAA98688308913 BC0B83D607CD5070
  3FE1E7343236574C 3C722A3FA4F41D5A 3FEA85ED4373E02D 3C69BE06385EC792
  3FE21C1C1B0394CF 3C5E5B324B23AA31 3FEA61E9E72586AF 3C858330E2FD453F
  3FE250BB93788BBB 3C7EA3D02457BCCE 3FEA3D7D0352BDCF BC868DBAECA19669
  3FE28511C917A067 BC801DF1D9A16B70 3FEA18A729AEE445 3C395E25736C0358
  3FE2B91DEA88421E BC8FA371DB216AB0 3FE9F368ED912F85 BC81D200C5791606
  3FE2ECDF279A3082 3C8D3557E0E7E37E 3FE9CDC2E3F25E5C 3C83F99112993F62
  3FE32054B148BC4F 3C8F6B42095A135B 3FE9A7B5A36A6514 3C8722CFCC9FA7A9
  3FE3537DB9BE0367 3C6B327E7AF040F0 3FE98141C42E1310 3C8D1FF80488F08D
  3FE386597456282B BC710FADA93B07A8 3FE95A67E00CB1FD BC80BEFDA21F862D
  3FE3B8E715A2840A BC797653A7D2F07B 3FE93328926D9E92 BC8BB77003600CDA
  3FE3EB25D36CD53A BC5BE570E1570FC0 3FE90B84784DDAF7 BC70FEB10AB93B87
  3FE41D14E4BA6790 3C84608FD287ECF5 3FE8E37C303D9AD1 BC6463A4B53D4BF8
  3FE44EB381CF386B BC83ED6C1E6A5505 3FE8BB105A5DC900 3C8863E03E9474C1
  3FE48000E431159F BC8B194A7463ED10 3FE89241985D871F 3C8C48D9C413ED84
  3FE4B0FC46AAB761 3C20DA05738CC59A 3FE869108D77A6C6 3C7338FFE2BFE9DD
  3FE4E1A4E54ED51B BC8A492F89B7C76A 3FE83F7DDE701CA0 BC4152CF609BC6E8
  3FE511F9FD7B351C BC85C0E861C48831 3FE8158A31916D5D BC6DE8B90B8228DE
  3FE541FACDDBB724 3C7232C28520D391 3FE7EB362EAA1488 3C5A1D65A4A5959F
  3FE571A6966D59B3 3C5C843B4D0FB198 3FE7C0827F09E54F BC6C73D6D72AEE68
  3FE5A0FC98813A12 BC8D82E2B7D4227B 3FE7956FCD7F6543 BC8AB276E9D45AE4
  3FE5CFFC16BF8F0D 3C896CB370EB578A 3FE769FEC655211F BC6827D5CF8C68C5
  3FE5FEA4552A9E57 3C80B6CEF7EE20B7 3FE73E30174EFBA1 BC65D3AE3D94AD5F
  3FE62CF49921AC79 BC8EDD9855B6241A 3FE712046FA77678 3C8425B0A5029C81
  3FE65AEC2963E755 3C8126F96B71053C 3FE6E57C800CF55E 3C860286DEDBD0A6
  3FE6888A4E134B2F BC86B7D37644D5E6 3FE6B898FA9EFB5D 3C715AC786CCF4B2
  3FE6B5CE50B7821A BC65D5158F702E0F 3FE68B5A92EB6253 BC89A91AD985F89C
  3FE6E2B77C40BDE1 BC70E729857FAD53 3FE65DC1FDEB8CBA BC597C1B47337C77
  3FE70F451D0A8C40 3C697EDE3885770D 3FE62FCFF20191C7 3C6D9143895756EF
  3FE73B7680DEA578 BC72248306DC12A2 3FE6018526F563DF 3C846CA5E0E432D0
  3FE7674AF6F7B524 3C7E9D3F94AC84A8 3FE5D2E255F1F17A 3C80314104C8892B
  3FE792C1D0041D52 BC8ABF05EEB354EB 3FE5A3E839824077 3C8428AA2759BE62
  3FE7BDDA5E28B3C2 3C4AD1197CCD0393 3FE574978D8E83F2 3C8F4714AF282D23
  3FE7E893F5037959 3C80EEFBAA650C4C 3FE544F10F592CA5 BC8E7AE8E6C7A62F
  3FE812EDE9AE4BA4 BC87830ADF402DDA 3FE514F57D7BF3DA 3C747A108073C259
`
    .trim()
    .split(/\s+/),
  fromHexBits,
);

/** Table row offset (4 * round(a * 128)) and remainder of a in [0, 0.8555), as do_sin/do_cos. */
let tableIndex = 0;
function splitForTable(a: number): number {
  const u = BIG + a;
  tableIndex = (u - BIG) * 512; // the low word of u, times 4; exact
  return a - (u - BIG);
}

/** s_sin.c do_sin: sin(x + dx) for |x| < 0.8555, |dx| tiny. */
function doSin(x: number, dx: number): number {
  if (Math.abs(x) < 0.126) {
    // TAYLOR_SIN (x * x, x, dx)
    const xx = x * x;
    const poly = fma(xx, fma(xx, fma(xx, fma(xx, S5, S4), S3), S2), S1);
    return x + fma(xx, fma(poly, x, -(0.5 * dx)), dx);
  }
  if (x <= 0) dx = -dx;
  const xr = splitForTable(Math.abs(x));
  const k = tableIndex;
  const sn = SINCOS_TAB[k]!;
  const ssn = SINCOS_TAB[k + 1]!;
  const cs = SINCOS_TAB[k + 2]!;
  const ccs = SINCOS_TAB[k + 3]!;
  const xx = xr * xr;
  const s = xr + fma(xr * xx, fma(xx, SN5, SN3), dx);
  const c = fma(xr, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  // cor = (ssn + s * ccs - sn * c) + cs * s
  const cor = fma(s, cs, fma(-c, sn, fma(s, ccs, ssn)));
  const res = Math.abs(sn + cor);
  return x < 0 ? -res : res; // copysign (sn + cor, x)
}

/** s_sin.c do_cos: cos(x + dx) for |x| < 0.8555, |dx| tiny. */
function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const xr = splitForTable(Math.abs(x)) + dx;
  const k = tableIndex;
  const sn = SINCOS_TAB[k]!;
  const ssn = SINCOS_TAB[k + 1]!;
  const cs = SINCOS_TAB[k + 2]!;
  const ccs = SINCOS_TAB[k + 3]!;
  const xx = xr * xr;
  const s = fma(xr * xx, fma(xx, SN5, SN3), xr);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  // cor = (ccs - s * ssn - cs * c) - sn * s
  const cor = fma(-s, sn, fma(-c, cs, fma(-s, ssn, ccs)));
  return cs + cor;
}

/** s_sin.c do_sincos: sin(a + da) for quadrant n = 0 (mod 4), and so on round the circle. */
function doSinCos(a: number, da: number, n: number): number {
  const res = n & 1 ? doCos(a, da) : doSin(a, da);
  return n & 2 ? -res : res;
}

/**
 * s_sin.c reduce_sincos, then do_sincos: x = n*pi/2 + (a + da) for |x| < 105414336.
 * `shift` is 0 for sin and 1 for cos (cos(x) = sin(x + pi/2)).
 */
function reducedSinCos(x: number, shift: number): number {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const n = xn | 0; // its low bits are those of t's mantissa, which the C code reads
  // MP1, MP2 and PP3 have at most 27 significant bits and |xn| <= 2^26, so xn * MP1 etc. are
  // exact and the fused forms glibc runs are plain subtractions here.
  const y = x - xn * MP1 - xn * MP2;
  const t2 = y - xn * PP3;
  const db = y - t2 - xn * PP3;
  const a = fma(-xn, PP4, t2);
  const da = db + fma(-xn, PP4, t2 - a);
  return doSinCos(a, da, n + shift);
}

// ---------------------------------------------------------------------------------------------
// Reduction of huge arguments: sysdeps/ieee754/dbl-64/branred.c and branred.h. __branred is
// shared by all variants and compiled without FMA (its machine code has no fused operation),
// so this is plain double arithmetic in the C order.

/** 2/pi in base 2^24: 2/pi = sum of TOVERP[i] * 2^(-24 (i + 1)). */
// prettier-ignore
const TOVERP = Float64Array.of(
   10680707,   7228996,   1387004,   2578385,  16069853,
   12639074,   9804092,   4427841,  16666979,  11263675,
   12935607,   2387514,   4345298,  14681673,   3074569,
   13734428,  16653803,   1880361,  10960616,   8533493,
    3062596,   8710556,   7349940,   6258241,   3772886,
    3769171,   3798172,   8675211,  12450088,   3874808,
    9961438,    366607,  15675153,   9132554,   7151469,
    3571407,   2607881,  12013382,   4155038,   6285869,
    7677882,  13102053,  15825725,    473591,   9065106,
   15363067,   6271263,   9264392,   5636912,   4652155,
    7056368,  13614112,  10155062,   1944035,   9527646,
   15080200,   6658437,   6231200,   6832269,  16767104,
    5075751,   3212806,   1398474,   7579849,   6349435,
   12618859,   4703257,  12806093,  14477321,   2786137,
   12875403,   9837734,  14528324,  13719321,    343717,
);
const TM600 = fromWords(0x1a700000, 0); // 2^-600
const TM24 = fromWords(0x3e700000, 0); // 2^-24
const BR_BIG = fromWords(0x43380000, 0); // 1.5 * 2^52: rounds to an integer
const BR_BIG1 = fromWords(0x43580000, 0); // 1.5 * 2^54: rounds to a multiple of 4
/** branred.h's mp2, a little different from usncs.h's: pi/2 ~ MP1 + BR_MP2. */
const BR_MP2 = fromWords(0xbe4dde97, 0x40000000);

/** Scratch for branred: the six partial products, and the results of branredPart. */
const BR_R = new Float64Array(6);
let partB = 0;
let partBB = 0;
let partSum = 0;

/**
 * One half of __branred's work, for x1 or x2: x * 2/pi as partSum (an integer, modulo 4) plus
 * the fraction partB + partBB, from the six base-2^24 digits of 2/pi that matter at x's scale.
 */
function branredPart(x: number): void {
  F64[0] = x;
  let k = (U32[HI]! >>> 20) & 2047;
  k = Math.max(0, Math.trunc((k - 450) / 24));
  let gor = fromWords(0x63f00000 - ((k * 24) << 20), 0); // 2^(576 - 24k)
  let sum = 0;
  for (let i = 0; i < 6; i++) {
    BR_R[i] = x * TOVERP[k + i]! * gor;
    gor *= TM24;
  }
  for (let i = 0; i < 3; i++) {
    const s = BR_R[i]! + BR_BIG - BR_BIG;
    sum += s;
    BR_R[i] = BR_R[i]! - s;
  }
  let t = 0;
  for (let i = 0; i < 6; i++) t += BR_R[5 - i]!;
  let bb = BR_R[0]! - t + BR_R[1]! + BR_R[2]! + BR_R[3]! + BR_R[4]! + BR_R[5]!;
  let s = t + BR_BIG - BR_BIG;
  sum += s;
  t -= s;
  const b = t + bb;
  bb = t - b + bb;
  s = sum + BR_BIG1 - BR_BIG1;
  partB = b;
  partBB = bb;
  partSum = sum - s;
}

/**
 * __branred and do_sincos: x = n*pi/2 + (a + aa) for finite |x| >= 105414336, then sin or cos
 * by the quadrant (`shift` as in reducedSinCos).
 */
function branredSinCos(x: number, shift: number): number {
  x *= TM600;
  const t0 = x * SPLITTER;
  const x1 = t0 - (t0 - x);
  branredPart(x1);
  const b1 = partB;
  const bb1 = partBB;
  const sum1 = partSum;
  branredPart(x - x1);
  const b2 = partB;
  const bb2 = partBB;
  let sum = sum1 + partSum;
  let b = b1 + b2;
  let bb = Math.abs(b1) > Math.abs(b2) ? b1 - b + b2 : b2 - b + b1;
  if (b > 0.5) {
    b -= 1.0;
    sum += 1.0;
  } else if (b < -0.5) {
    b += 1.0;
    sum -= 1.0;
  }
  let s = b + (bb + bb1 + bb2);
  let t = b - s + bb + (bb1 + bb2);
  // (s + t) * pi/2, with pi/2 = HP0 + HP1 ~ MP1 + BR_MP2 and s split in halves t1 + t2.
  b = s * SPLITTER;
  const t1 = b - (b - s);
  const t2 = s - t1;
  b = s * HP0;
  bb = t1 * MP1 - b + t1 * BR_MP2 + t2 * MP1 + (t2 * BR_MP2 + s * HP1 + t * HP0);
  s = b + bb;
  t = b - s + bb;
  return doSinCos(s, t, (sum | 0) + shift); // (int) sum: |sum| <= 3 here
}

/** sin(x) exactly as glibc 2.36 computes it (x86_64, FMA variant), for every double x. */
export function sin(x: number): number {
  const ax = Math.abs(x);
  if (ax < TINY_SIN) return x;
  if (ax < TABLE_MAX) return doSin(x, 0);
  if (ax < NEAR_PI_2) {
    const res = Math.abs(doCos(HP0 - ax, HP1));
    return x < 0 ? -res : res; // copysign (do_cos (t, hp1), x)
  }
  if (ax < REDUCE_MAX) return reducedSinCos(x, 0);
  if (ax < Infinity) return branredSinCos(x, 0);
  return x - x; // NaN for inf and nan
}

/** cos(x) exactly as glibc 2.36 computes it (x86_64, FMA variant), for every double x. */
export function cos(x: number): number {
  const ax = Math.abs(x);
  if (ax < TINY_COS) return 1;
  if (ax < TABLE_MAX) return doCos(x, 0);
  if (ax < NEAR_PI_2) {
    const y = HP0 - ax;
    const a = y + HP1;
    return doSin(a, y - a + HP1);
  }
  if (ax < REDUCE_MAX) return reducedSinCos(x, 1);
  if (ax < Infinity) return branredSinCos(x, 1);
  return x - x; // NaN for inf and nan
}
