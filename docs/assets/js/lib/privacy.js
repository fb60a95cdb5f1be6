/* Personal-data scan: the patterns of situations/privacy.json (e-mail, phone, BSN, IBAN, postcode,
   social media handles), applied line by line exactly as ks/catalogue/privacy.py applies them to the
   catalogue, so a writer sees in the browser what the build would refuse. Nothing leaves the page. */
const CHECKS = {
  elfproef(s) {
    const d = s.replace(/\D/g, "").padStart(9, "0");
    if (d.length !== 9 || /^0+$/.test(d)) return false;
    let t = -Number(d[8]);
    for (let i = 0; i < 8; i++) t += Number(d[i]) * (9 - i);
    return t % 11 === 0;
  },
  iban(s) {
    s = s.replace(/\s/g, "").toUpperCase();
    if (s.length < 15 || s.length > 34 || !/^[A-Z0-9]+$/.test(s)) return false;
    let r = 0;
    for (const c of s.slice(4) + s.slice(0, 4)) { const v = parseInt(c, 36); r = (v > 9 ? r * 100 + v : r * 10 + v) % 97; }
    return r === 1;
  }
};
/** A scanner for these patterns: scan(text) gives every hit as {s, e, label, text}; a hit inside a
  longer hit of another pattern is left out. */
export function privacyScanner(patterns) {
  const compiled = patterns.map((p) => ({ p, re: new RegExp(p.regex, "g" + (p.flags || "")) }));
  function scan(text) {
    const found = [];
    for (const line of String(text || "").split(/\r\n|\r|\n/)) {
      const hits = [];
      for (const { p, re } of compiled) {
        for (const m of line.matchAll(re)) {
          const ok = (!p.check || CHECKS[p.check](m[0])) && !(p.min_digits && m[0].replace(/\D/g, "").length < p.min_digits);
          if (ok) hits.push({ s: m.index, e: m.index + m[0].length, label: p.label, text: m[0] });
        }
      }
      found.push(...hits.filter((h) => !hits.some((o) => o.s <= h.s && h.e <= o.e && o.e - o.s > h.e - h.s)));
    }
    return found;
  }
  return scan;
}
