// The self-assessment page of package report (github.com/wlpmodel/wlp/report).
// It edits one profile document in memory and saves it as a download;
// nothing leaves the browser otherwise.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const cfg = JSON.parse($('wlp-config').textContent);
  const idRE = new RegExp(cfg.idPattern);
  const itemRE = new RegExp(cfg.itemIDPattern);
  const dateRE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

  const form = $('wlp-form');
  const statusBox = $('status');
  const summary = $('problems');
  const summaryTitle = $('problems-title');
  const summaryList = $('problems-list');
  const personID = $('person-id');
  const personName = $('person-name');
  const raterName = $('rater-name');
  const raterKind = $('rater-kind');
  const reviewDate = $('review-date');
  const reviewEvidence = $('review-evidence');
  const reviewPick = $('review-pick');
  const reviewPickField = $('review-pick-field');
  const openInput = $('open');
  const openMsg = $('open-msg');

  // The rows, one per competency and area the page lists, in page order.
  const rows = new Map();
  for (const fs of document.querySelectorAll('fieldset.item')) {
    const id = fs.dataset.id;
    rows.set(id, {
      id,
      fieldset: fs,
      name: fs.querySelector('legend').textContent.trim(),
      radios: Array.from(fs.querySelectorAll('input[type=radio]')),
      date: $('date-' + id),
      evidence: $('evidence-' + id),
      details: fs.querySelector('details'),
      origin: $('origin-' + id),
    });
  }

  // doc is the profile as last opened or saved, in the field order of the
  // Go types; part names what the rows show: 'ratings' (the person's own
  // ratings), 'new' (a review not saved yet) or 'review-N' (the review at
  // index N of doc.reviews). drafts holds the unsaved field values of the
  // parts not shown.
  let doc = {};
  let part = 'ratings';
  const drafts = new Map();
  // shownName is what the name field showed of doc.name: a text box
  // drops line breaks, and saving what it shows unchanged keeps doc.name
  // as it is.
  let shownName = '';

  // ---- checks, in plain words ----

  const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

  // idProblem says what is wrong with a profile ID, or returns ''. It
  // follows profile.ValidID.
  function idProblem(s) {
    if (s === '') {
      return 'Enter the profile ID of the person rated, such as an employee number, a user name or an e-mail address.';
    }
    for (const ch of s) {
      if (!/[A-Za-z0-9._@+-]/.test(ch)) {
        const what = ch === ' ' ? 'a space' : ch.trim() === '' ? 'an invisible character' : '“' + ch + '”';
        return 'The ID cannot hold ' + what + '. Use only the letters A to Z, digits and the marks . _ @ + -';
      }
    }
    if (s.length > cfg.maxIDLen) {
      return 'The ID has ' + s.length + ' characters; it can have at most ' + cfg.maxIDLen + '.';
    }
    if (s[0] === '.' || s[0] === '-') {
      return 'The ID cannot start with “' + s[0] + '”. Start it with a letter, a digit, _, @ or +.';
    }
    if (s.endsWith('.')) {
      return 'The ID cannot end with a dot.';
    }
    if (reserved.test(s.split('.')[0])) {
      return '“' + s.split('.')[0] + '” is a name Windows keeps for a device, so it cannot name a file. Choose another ID.';
    }
    if (!idRE.test(s)) {
      return 'This ID would not be accepted. Use only the letters A to Z, digits and the marks . _ @ + -';
    }
    return '';
  }

  const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'];

  // daysIn returns the number of days of month mo (1 to 12) of year y.
  function daysIn(y, mo) {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  }

  // isoDate returns year y (four digits), month mo and day d written as
  // YYYY-MM-DD, or '' when they name no day of the calendar.
  function isoDate(y, mo, d) {
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(+y, mo)) return '';
    return y + '-' + String(mo).padStart(2, '0') + '-' + String(d).padStart(2, '0');
  }

  // dateProblem says what is wrong with a date, or returns ''; the empty
  // date is fine. It follows time.Parse with the layout 2006-01-02. For a
  // date written another common way it says how to write it, and for a
  // date that may put the day or the month first, both ways.
  function dateProblem(s) {
    if (s === '') {
      return '';
    }
    const m = dateRE.exec(s);
    if (!m) {
      return 'Write the date as year-month-day with digits, such as 2026-03-31.' + dateHint(s);
    }
    const mo = +m[2];
    if (mo < 1 || mo > 12) {
      return s + ' has no month ' + m[2] + ': months go from 01 to 12.';
    }
    const days = daysIn(+m[1], mo);
    if (+m[3] < 1 || +m[3] > days) {
      return s + ' is not a day of the calendar: that month has days 01 to ' + days + '.';
    }
    return '';
  }

  // dateHint says in a sentence how to write s, a date not written as
  // YYYY-MM-DD, when it can tell; it returns '' otherwise.
  function dateHint(s) {
    let m = /^([0-9]{4})[-/. ]([0-9]{1,2})[-/. ]([0-9]{1,2})$/.exec(s) || /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(s);
    if (m) {
      const iso = isoDate(m[1], +m[2], +m[3]);
      return iso ? ' For ' + s + ' write ' + iso + '.' : ' ' + s + ' is not a day of the calendar.';
    }
    m = /^([0-9]{1,2})[-/. ]([0-9]{1,2})[-/. ]([0-9]{4})$/.exec(s);
    if (m) {
      const a = +m[1];
      const b = +m[2];
      const dayFirst = isoDate(m[3], b, a);
      const monthFirst = a === b ? '' : isoDate(m[3], a, b);
      if (dayFirst && monthFirst) {
        return ' Write ' + dayFirst + ' if ' + s + ' means ' + a + ' ' + monthNames[b - 1] +
          ', or ' + monthFirst + ' if it means ' + monthNames[a - 1] + ' ' + b + '.';
      }
      if (dayFirst || monthFirst) return ' For ' + s + ' write ' + (dayFirst || monthFirst) + '.';
      return ' ' + s + ' is not a day of the calendar.';
    }
    m = /^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]/.exec(s);
    if (m && !dateProblem(m[1])) {
      return ' Leave out the time: ' + m[1] + '.';
    }
    return '';
  }

  // raterProblem says what is wrong with a rater's name, or returns ''.
  // It follows profile's rule for Review.Rater.
  function raterProblem(s) {
    const chars = Array.from(s);
    if (chars.some((c) => c.codePointAt(0) < 0x20 || (c.codePointAt(0) >= 0x7f && c.codePointAt(0) <= 0x9f))) {
      return 'The rater’s name holds a control character (such as a tab); remove it.';
    }
    if (chars.length > cfg.maxRaterLen) {
      return 'The rater’s name has ' + chars.length + ' characters; it can have at most ' + cfg.maxRaterLen + '.';
    }
    return '';
  }

  // lines splits evidence text into its items: one a line, trimmed, empty
  // lines left out.
  function lines(text) {
    return text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
  }

  // closest returns the ID of a listed row within two edits of id (a
  // letter added, dropped, changed or two swapped), or null; it compares
  // with every row, each in O(len(id) × len(row)), and only for the few
  // unknown IDs a file holds.
  function closest(id) {
    if (id.length < 4) return null;
    let best = null;
    let bestD = 3;
    for (const row of rows.keys()) {
      if (Math.abs(row.length - id.length) >= bestD) continue;
      const d = editDistance(id, row);
      if (d < bestD) {
        best = row;
        bestD = d;
      }
    }
    return best;
  }

  // editDistance is the optimal string alignment distance of a and b.
  function editDistance(a, b) {
    const d = [];
    for (let i = 0; i <= a.length; i++) {
      d.push([i]);
      for (let j = 1; j <= b.length; j++) {
        if (i === 0) {
          d[i].push(j);
          continue;
        }
        let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i].push(v);
      }
    }
    return d[a.length][b.length];
  }

  // ---- reading a document ----

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const isLevel = (v) => Number.isInteger(v) && v >= cfg.minLevel && v <= cfg.maxLevel;
  const quote = (s) => '“' + (s.length > 40 ? s.slice(0, 40) + '…' : s) + '”';

  const onePerson = ' The page changes one person at a time: “wlp import -o FOLDER” writes such a file out as one file a person, to open here one by one.';

  // notJSON says why text, which JSON.parse refused, is no document: it
  // tells JSON Lines (one profile a line) from a broken document.
  function notJSON(text) {
    const docs = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    if (docs.length > 1 && docs.every((l) => {
      try {
        return isObject(JSON.parse(l));
      } catch (e) {
        return false;
      }
    })) {
      return 'It holds ' + docs.length + ' documents, one a line (JSON Lines), not one profile.' + onePerson;
    }
    if (/^\s*</.test(text)) {
      return 'It looks like a web page (HTML), such as this form itself, not a profile document: open the .json file the form saved.';
    }
    return 'It is not a JSON document: the text breaks off, or has a typing mistake such as a missing comma or quote.';
  }

  // duplicateKey returns the first name given twice in one object of
  // text, a JSON document JSON.parse has accepted, or null. JSON.parse
  // keeps the last silently; profile.Load refuses the document.
  function duplicateKey(text) {
    const stack = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '{') {
        stack.push(new Set());
      } else if (c === '[') {
        stack.push(null);
      } else if (c === '}' || c === ']') {
        stack.pop();
      } else if (c === '"') {
        let j = i + 1;
        while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        const names = stack[stack.length - 1];
        const raw = text.slice(i, j + 1);
        i = j;
        if (!names) continue;
        let k = j + 1;
        while (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r') k++;
        if (text[k] !== ':') continue;
        const name = JSON.parse(raw);
        if (names.has(name)) return name;
        names.add(name);
      }
    }
    return null;
  }

  // loneHalf finds half of a character: a UTF-16 surrogate without its
  // other half.
  const loneHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  // wholeExactly reports whether lit, a JSON number, is exactly a whole
  // number, as profile.Load reads it: 3.0 and 0.3e1 are, 1e-400 and
  // 3.0000000000000000001 are not, though JSON.parse rounds them to one.
  function wholeExactly(lit) {
    const m = /^-?([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(lit);
    if (!m) return false;
    const frac = m[2] || '';
    const digits = (m[1] + frac).replace(/^0+/, '');
    if (digits === '') return true;
    const kept = digits.replace(/0+$/, '');
    return (digits.length - kept.length) - frac.length + (m[3] ? Number(m[3]) : 0) >= 0;
  }

  // textProblem says in plain words what JSON.parse let pass in text, a
  // JSON document it accepted, that profile.Load refuses, or returns '':
  // a string holding half of a character (written \ud800, say), and a
  // number the browser rounds to a whole one or to infinity. It names
  // the field it found it in. It costs time linear in the text's length.
  function textProblem(text) {
    let key = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') {
        let j = i + 1;
        while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        const raw = text.slice(i, j + 1);
        i = j;
        const s = raw.includes('\\') ? JSON.parse(raw) : raw.slice(1, -1);
        let k = j + 1;
        while (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r') k++;
        const isKey = text[k] === ':';
        if (loneHalf.test(s)) {
          return (isKey ? 'The name ' + quote(s.replace(loneHalf, '\uFFFD')) : 'The text of ' + quote(key || 'the document')) +
            ' holds half of a character (an unpaired surrogate, written like \\ud800), which is no character. Remove it, or write the whole character.';
        }
        if (isKey) key = s;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        let j = i + 1;
        while (j < text.length && /[0-9eE.+-]/.test(text[j])) j++;
        const lit = text.slice(i, j);
        i = j - 1;
        const n = Number(lit);
        const where = key ? ' given for ' + quote(key) : '';
        if (!Number.isFinite(n)) {
          return 'The number ' + quote(lit) + where + ' is far too large to be a level from ' + cfg.minLevel + ' to ' + cfg.maxLevel + '.';
        }
        if (Number.isInteger(n) && !wholeExactly(lit)) {
          return 'The number ' + quote(lit) + where + ' is not a whole number, only close to one, so it is not a level from ' +
            cfg.minLevel + ' to ' + cfg.maxLevel + '.';
        }
      }
    }
    return '';
  }

  // checkDoc lists, in plain words, what keeps v from being a profile
  // document the page can edit: what profile.Load rejects, except for a
  // missing or wrong ID, which the page asks for.
  function checkDoc(v) {
    const out = [];
    if (Array.isArray(v)) {
      out.push('It holds a list of ' + count(v.length, 'item', 'items') + ', not one profile.' + (v.length ? onePerson : ''));
      return out;
    }
    if (!isObject(v)) {
      out.push('It is not a profile document.');
      return out;
    }
    if (!('ratings' in v) && !('reviews' in v) && ['competencies', 'areas', 'roles', 'clusters', 'jobs'].some((k) => k in v)) {
      out.push('It is a framework document, which lists competencies and roles, not a profile, which rates a person.' +
        ' To rate people on that framework, make its page with “wlp form -framework FILE”.');
      return out;
    }
    const fields = (obj, where, allowed, required) => {
      for (const k of Object.keys(obj)) {
        if (!allowed.includes(k)) {
          out.push(where + ' has a field ' + quote(k) + ', which profile documents do not have.');
        } else if (obj[k] === null) {
          out.push(where + ': ' + k + ' is empty (null).');
        }
      }
      for (const k of required) {
        if (!(k in obj)) {
          out.push(where + ' has no ' + k + '.');
        }
      }
    };
    const text = (obj, k, where) => {
      if (k in obj && obj[k] !== null && typeof obj[k] !== 'string') {
        out.push(where + ': ' + k + ' is not text.');
        return false;
      }
      return typeof obj[k] === 'string';
    };
    const common = (obj, where) => {
      if (text(obj, 'source', where) && obj.source !== '' && !cfg.sources.includes(obj.source)) {
        out.push(where + ': the source ' + quote(obj.source) + ' is not one of ' + cfg.sources.join(', ') + '.');
      }
      if (text(obj, 'assessedAt', where) && dateProblem(obj.assessedAt) !== '') {
        out.push(where + ': the date ' + quote(obj.assessedAt) + ' is not a date written as YYYY-MM-DD.');
      }
      if ('evidence' in obj && obj.evidence !== null &&
          (!Array.isArray(obj.evidence) || obj.evidence.some((e) => typeof e !== 'string'))) {
        out.push(where + ': the evidence is not a list of texts.');
      }
      text(obj, 'note', where);
    };
    const itemID = (id, where) => {
      if (!itemRE.test(id) || id.length > cfg.maxItemIDLen) {
        out.push(where + ': ' + quote(id) + ' is not an ID of a competency or area (lower-case words joined by hyphens).');
      }
    };
    fields(v, 'The document', ['id', 'name', 'ratings', 'reviews'], []);
    text(v, 'id', 'The document');
    text(v, 'name', 'The document');
    if ('ratings' in v && v.ratings !== null) {
      if (!isObject(v.ratings)) {
        out.push('The ratings are not a set of ratings by ID.');
      } else {
        for (const [id, r] of Object.entries(v.ratings)) {
          const where = 'The rating of ' + quote(id);
          itemID(id, where);
          if (!isObject(r)) {
            out.push(where + ' is not a rating.');
            continue;
          }
          fields(r, where, ['level', 'source', 'assessedAt', 'evidence', 'note', 'combined'], ['level']);
          if ('level' in r && r.level !== null && !isLevel(r.level)) {
            out.push(where + ': the level ' + JSON.stringify(r.level) + ' is not a whole number from ' + cfg.minLevel + ' to ' + cfg.maxLevel + '.');
          }
          common(r, where);
          if (text(r, 'combined', where) && r.combined !== '' && !cfg.policies.includes(r.combined)) {
            out.push(where + ': ' + quote(r.combined) + ' is not a way of combining reviews (' + cfg.policies.join(', ') + ').');
          }
        }
      }
    }
    if ('reviews' in v && v.reviews !== null) {
      if (!Array.isArray(v.reviews)) {
        out.push('The reviews are not a list.');
      } else {
        v.reviews.forEach((rv, i) => {
          const where = 'Review ' + (i + 1);
          if (!isObject(rv)) {
            out.push(where + ' is not a review.');
            return;
          }
          fields(rv, where, ['rater', 'source', 'assessedAt', 'levels', 'evidence', 'note'], ['levels']);
          if (text(rv, 'rater', where) && raterProblem(rv.rater) !== '') {
            out.push(where + ': ' + raterProblem(rv.rater));
          }
          common(rv, where);
          if ('levels' in rv && rv.levels !== null) {
            if (!isObject(rv.levels)) {
              out.push(where + ': the levels are not a set of levels by ID.');
            } else if (Object.keys(rv.levels).length === 0) {
              out.push(where + ' rates nothing.');
            } else {
              for (const [id, lv] of Object.entries(rv.levels)) {
                itemID(id, where);
                if (!isLevel(lv)) {
                  out.push(where + ': the level of ' + quote(id) + ' is not a whole number from ' + cfg.minLevel + ' to ' + cfg.maxLevel + '.');
                }
              }
            }
          }
        });
      }
    }
    return out;
  }

  // tidyRating and tidyReview copy a rating and a review with their
  // fields in the order of the Go types, leaving out empty ones, as Go
  // writes them.
  function tidyRating(r) {
    const o = { level: r.level };
    for (const k of ['source', 'assessedAt']) {
      if (r[k]) o[k] = r[k];
    }
    if (r.evidence && r.evidence.length) o.evidence = r.evidence.slice();
    for (const k of ['note', 'combined']) {
      if (r[k]) o[k] = r[k];
    }
    return o;
  }

  function tidyReview(rv) {
    const o = {};
    for (const k of ['rater', 'source', 'assessedAt']) {
      if (rv[k]) o[k] = rv[k];
    }
    o.levels = sorted(rv.levels);
    if (rv.evidence && rv.evidence.length) o.evidence = rv.evidence.slice();
    if (rv.note) o.note = rv.note;
    return o;
  }

  function sorted(obj) {
    const o = {};
    for (const k of Object.keys(obj).sort()) o[k] = obj[k];
    return o;
  }

  function tidyDoc(v) {
    const o = { id: v.id || '' };
    if (v.name) o.name = v.name;
    if (v.ratings && Object.keys(v.ratings).length) {
      o.ratings = {};
      for (const k of Object.keys(v.ratings).sort()) o.ratings[k] = tidyRating(v.ratings[k]);
    }
    if (v.reviews && v.reviews.length) o.reviews = v.reviews.map(tidyReview);
    return o;
  }

  // ---- the fields: capture, show, compare ----

  function emptyState() {
    const st = { rater: '', source: '', date: '', evidence: '', rows: {} };
    for (const id of rows.keys()) st.rows[id] = { level: '', date: '', evidence: '' };
    return st;
  }

  // baseline returns the field values that show part key of doc.
  function baseline(key) {
    const st = emptyState();
    if (key === 'ratings') {
      for (const [id, r] of Object.entries(doc.ratings || {})) {
        if (st.rows[id]) {
          st.rows[id] = { level: String(r.level), date: r.assessedAt || '', evidence: (r.evidence || []).join('\n') };
        }
      }
    } else if (key !== 'new') {
      const rv = review(key);
      st.rater = rv.rater || '';
      st.source = rv.source || '';
      st.date = rv.assessedAt || '';
      st.evidence = (rv.evidence || []).join('\n');
      for (const [id, lv] of Object.entries(rv.levels)) {
        if (st.rows[id]) st.rows[id].level = String(lv);
      }
    }
    return st;
  }

  function review(key) {
    return doc.reviews[+key.slice('review-'.length)];
  }

  function capture() {
    const st = emptyState();
    st.rater = raterName.value;
    st.source = raterKind.value;
    st.date = reviewDate.value;
    st.evidence = reviewEvidence.value;
    for (const [id, row] of rows) {
      const checked = row.radios.find((r) => r.checked);
      st.rows[id] = { level: checked ? checked.value : '', date: row.date.value, evidence: row.evidence.value };
    }
    return st;
  }

  function show(st) {
    raterName.value = st.rater;
    raterKind.value = st.source;
    reviewDate.value = st.date;
    reviewEvidence.value = st.evidence;
    for (const [id, row] of rows) {
      const r = st.rows[id];
      for (const radio of row.radios) radio.checked = radio.value === r.level;
      row.date.value = r.date;
      row.evidence.value = r.evidence;
      row.details.open = r.date !== '' || r.evidence !== '';
    }
    showOrigins();
  }

  function sameRow(a, b) {
    return a.level === b.level && a.date === b.date && a.evidence === b.evidence;
  }

  function sameState(a, b, key) {
    if (key !== 'ratings' && (a.rater !== b.rater || a.source !== b.source || a.date !== b.date || a.evidence !== b.evidence)) {
      return false;
    }
    for (const id of rows.keys()) {
      if (key === 'ratings' ? !sameRow(a.rows[id], b.rows[id]) : a.rows[id].level !== b.rows[id].level) return false;
    }
    return true;
  }

  // hasData reports whether part key holds anything in doc.
  function hasData(key) {
    if (key === 'ratings') return !!doc.ratings && Object.keys(doc.ratings).length > 0;
    return key !== 'new';
  }

  // showOrigins says, in the rows of the person's own ratings, which
  // opened ratings came from someone else or from combining reviews.
  function showOrigins() {
    for (const [id, row] of rows) {
      const r = part === 'ratings' && doc.ratings ? doc.ratings[id] : undefined;
      let text = '';
      if (r && r.combined) {
        text = 'In the opened file this rating was combined from the reviews (' + r.combined + '). ' +
          'If you change it, it is saved as your own rating.';
      } else if (r && r.source && r.source !== 'self') {
        text = 'In the opened file this rating came from: ' + sourceTitle(r.source) + '. ' +
          'If you change it, it is saved as your own rating.';
      }
      row.origin.textContent = text;
      row.origin.hidden = text === '';
    }
  }

  function sourceTitle(s) {
    const opt = Array.from(raterKind.options).find((o) => o.value === s);
    return opt ? opt.textContent.trim() : s;
  }

  // ---- who rates, and which part ----

  function mode() {
    return form.elements.who.value;
  }

  function setMode(m) {
    form.elements.who.value = m;
    form.classList.toggle('mode-rater', m === 'rater');
    form.classList.toggle('mode-self', m !== 'rater');
    for (const el of document.querySelectorAll('.rater-only')) el.hidden = m !== 'rater';
  }

  // levelsOnly returns st with only its levels: no rater, dates nor
  // evidence.
  function levelsOnly(st) {
    const o = emptyState();
    for (const id of rows.keys()) o.rows[id].level = st.rows[id].level;
    return o;
  }

  // hasOwn reports whether st holds values that only part key shows: the
  // dates and evidence of the own ratings, or the rater, kind, date and
  // evidence of a review.
  function hasOwn(st, key) {
    if (key === 'ratings') {
      return Object.values(st.rows).some((r) => r.date.trim() !== '' || r.evidence.trim() !== '');
    }
    return st.rater.trim() !== '' || st.source !== '' || st.date.trim() !== '' || st.evidence.trim() !== '';
  }

  // switchTo shows part key. The values of the part left are kept as its
  // draft; when neither part holds anything yet, the levels move along,
  // so that choosing who rates after clicking some levels keeps them, and
  // what only the part left shows is kept as its draft. switchTo reports
  // whether it kept such values aside.
  function switchTo(key) {
    if (key === part) return false;
    const st = capture();
    if (!hasData(part) && !hasData(key) && !drafts.has(key)) {
      drafts.delete(part);
      const aside = hasOwn(st, part);
      if (aside) {
        drafts.set(part, st);
        show(levelsOnly(st));
      }
      part = key;
      showOrigins();
      return aside;
    }
    const back = drafts.get(key);
    // Levels that moved along and were not changed need no draft.
    if (sameState(st, baseline(part), part) || (back && sameState(st, levelsOnly(back), part))) {
      drafts.delete(part);
    } else {
      drafts.set(part, st);
    }
    part = key;
    show(back || baseline(key));
    return false;
  }

  function fillReviewPick() {
    const reviews = doc.reviews || [];
    reviewPick.replaceChildren();
    const add = (value, text) => {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = text;
      reviewPick.append(o);
    };
    add('new', 'A new review');
    reviews.forEach((rv, i) => {
      const who = rv.rater ? rv.rater : 'anonymous';
      // The kind's title without what it explains in brackets.
      const bits = [rv.source ? sourceTitle(rv.source).replace(/\s*\(.*\)$/, '').toLowerCase() : 'kind of rater not stated'];
      if (rv.assessedAt) bits.push(rv.assessedAt);
      add('review-' + i, 'Review ' + (i + 1) + ': ' + who + ' (' + bits.join(', ') + ')');
    });
    reviewPickField.hidden = reviews.length === 0;
    reviewPick.value = part === 'ratings' ? 'new' : part;
  }

  form.addEventListener('change', (ev) => {
    if (ev.target.name === 'who') {
      const rater = ev.target.value === 'rater';
      setMode(ev.target.value);
      const aside = switchTo(rater ? reviewPick.value || 'new' : 'ratings');
      let msg = rater
        ? 'You rate someone else: your levels are saved as one review.'
        : 'The person rates themself: the levels are saved as their own ratings.';
      if (aside) {
        msg += rater
          ? ' The dates and evidence given to single ratings are kept aside, as a review has one date and one list of evidence: choose “The person themself” again to see them.'
          : ' The rater’s name, kind, date and evidence are kept aside: choose “Someone else” again to see them.';
      }
      announce(msg);
    } else if (ev.target === reviewPick) {
      switchTo(reviewPick.value);
      announce('Showing ' + reviewPick.selectedOptions[0].textContent + '.');
    }
  });

  // ---- messages ----

  function announce(text) {
    statusBox.textContent = text;
  }

  function describedBy(el, id, on) {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter((s) => s && s !== id);
    if (on) ids.unshift(id);
    if (ids.length) {
      el.setAttribute('aria-describedby', ids.join(' '));
    } else {
      el.removeAttribute('aria-describedby');
    }
  }

  // A problem is a message shown at errorID, about the controls given;
  // the first control is where focus goes.
  function problem(errorID, controls, text) {
    return { errorID, controls, text };
  }

  function markProblem(p, on) {
    const err = $(p.errorID);
    err.textContent = on ? p.text : '';
    err.hidden = !on;
    err.closest('.field, fieldset').classList.toggle('invalid', on);
    for (const c of p.controls) {
      describedBy(c, p.errorID, on);
      if (on) {
        c.setAttribute('aria-invalid', 'true');
      } else {
        c.removeAttribute('aria-invalid');
      }
    }
  }

  let shown = [];

  function clearProblems() {
    for (const p of shown) markProblem(p, false);
    shown = [];
    summaryList.replaceChildren();
    summary.hidden = true;
  }

  function showProblems(list) {
    clearProblems();
    shown = list;
    for (const p of list) {
      markProblem(p, true);
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + p.controls[0].id;
      a.textContent = p.text;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        focusControl(p.controls);
        jumped = document.activeElement;
      });
      li.append(a);
      summaryList.append(li);
    }
    summaryTitle.textContent = list.length === 1
      ? 'Nothing was saved: there is 1 problem'
      : 'Nothing was saved: there are ' + list.length + ' problems';
    summary.hidden = false;
    announce(summaryTitle.textContent + '. The first: ' + list[0].text);
    focusControl(list[0].controls);
  }

  // jumped is the control a link of the summary has just focused. A
  // browser follows a link on the Enter key's keydown and sends the key's
  // keypress to the control focused since, where it would save the form
  // again (or start a new line); that keypress is dropped.
  let jumped = null;
  document.addEventListener('keydown', () => {
    jumped = null;
  }, true);
  document.addEventListener('keypress', (ev) => {
    if (ev.target === jumped && ev.key === 'Enter') ev.preventDefault();
    jumped = null;
  }, true);

  function focusControl(controls) {
    const checked = controls.find((c) => c.checked);
    const c = checked || controls[0];
    const details = c.closest('details');
    if (details) details.open = true;
    c.focus();
  }

  // A control the user changes loses its problem.
  form.addEventListener('input', (ev) => forget(ev.target));
  form.addEventListener('change', (ev) => forget(ev.target));

  function forget(target) {
    const i = shown.findIndex((p) => p.controls.includes(target));
    if (i < 0) return;
    markProblem(shown[i], false);
    shown.splice(i, 1);
    summaryList.children[i].remove();
    if (shown.length === 0) summary.hidden = true;
  }

  // ---- saving ----

  // check lists the problems of the fields, st being their values.
  function check(st) {
    const out = [];
    const id = personID.value.trim();
    personID.value = id;
    const idMsg = idProblem(id);
    if (idMsg) out.push(problem('person-id-error', [personID], idMsg));
    const rater = part !== 'ratings';
    let rated = 0;
    for (const [rid, row] of rows) {
      const r = st.rows[rid];
      if (r.level !== '') rated++;
      if (rater) continue;
      const date = r.date.trim();
      if (r.level === '' && (date !== '' || lines(r.evidence).length)) {
        out.push(problem('level-' + rid + '-error', row.radios,
          row.name + ': choose a level, or clear the date and evidence. Without a level they are not saved.'));
      }
      const dm = dateProblem(date);
      if (dm) out.push(problem('date-' + rid + '-error', [row.date], row.name + ': ' + dm));
    }
    // A new review left as it started saves the document as opened, as
    // after gathering the files of several raters.
    if (rater && part === 'new' && sameState(st, emptyState(), part) && (hasData('ratings') || (doc.reviews || []).length)) {
      return out;
    }
    if (rater) {
      const rm = raterProblem(st.rater.trim());
      if (rm) out.push(problem('rater-name-error', [raterName], rm));
      if (st.source === '') {
        out.push(problem('rater-kind-error', [raterKind], 'Choose what kind of rater you are: the person’s manager, a peer, and so on.'));
      }
      const dm = dateProblem(st.date.trim());
      if (dm) out.push(problem('review-date-error', [reviewDate], dm));
      const kept = part === 'new' ? 0 : Object.keys(review(part).levels).filter((k) => !rows.has(k)).length;
      if (rated + kept === 0) {
        const first = rows.values().next().value;
        out.push(problem(first ? 'level-' + first.id + '-error' : 'person-id-error', first ? first.radios : [personID],
          'Choose a level for at least one competency or area: a review that rates nothing cannot be saved.'));
      }
    }
    return out;
  }

  // apply returns doc with part changed to the field values st. Fields of
  // a rating or review the user did not change stay as they were, so
  // that nothing opened is lost.
  function apply(st) {
    const out = tidyDoc(doc);
    out.id = personID.value.trim();
    const name = personName.value === shownName ? doc.name : personName.value.trim();
    if (name) {
      out.name = name;
    } else {
      delete out.name;
    }
    const base = baseline(part);
    if (part === 'ratings') {
      const old = doc.ratings || {};
      const ratings = {};
      for (const [id, r] of Object.entries(old)) {
        if (!rows.has(id)) ratings[id] = tidyRating(r);
      }
      for (const id of rows.keys()) {
        const now = st.rows[id];
        const was = base.rows[id];
        if (sameRow(now, was)) {
          if (old[id]) ratings[id] = tidyRating(old[id]);
          continue;
        }
        if (now.level === '') continue;
        const r = { level: +now.level, source: 'self' };
        const prev = old[id] || {};
        r.assessedAt = now.date.trim() === was.date ? prev.assessedAt : now.date.trim();
        r.evidence = now.evidence === was.evidence ? prev.evidence : lines(now.evidence);
        r.note = prev.note;
        ratings[id] = tidyRating(r);
      }
      delete out.ratings;
      if (Object.keys(ratings).length) out.ratings = sorted(ratings);
      if (!out.reviews) delete out.reviews;
      return order(out);
    }
    const prev = part === 'new' ? { levels: {} } : review(part);
    // A review unchanged, or a new one left empty (see check), stays as
    // it is.
    if (sameState(st, base, part)) return order(out);
    const levels = {};
    for (const [id, lv] of Object.entries(prev.levels)) {
      if (!rows.has(id)) levels[id] = lv;
    }
    for (const id of rows.keys()) {
      if (st.rows[id].level !== '') levels[id] = +st.rows[id].level;
    }
    const rv = {
      rater: st.rater.trim() === base.rater ? prev.rater : st.rater.trim(),
      source: st.source,
      assessedAt: st.date.trim() === base.date ? prev.assessedAt : st.date.trim(),
      levels,
      evidence: st.evidence === base.evidence ? prev.evidence : lines(st.evidence),
      note: prev.note,
    };
    const reviews = out.reviews ? out.reviews.slice() : [];
    if (part === 'new') {
      reviews.push(tidyReview(rv));
    } else {
      reviews[+part.slice('review-'.length)] = tidyReview(rv);
    }
    out.reviews = reviews;
    return order(out);
  }

  function order(d) {
    const o = { id: d.id };
    if (d.name) o.name = d.name;
    if (d.ratings) o.ratings = d.ratings;
    if (d.reviews) o.reviews = d.reviews;
    return o;
  }

  function save() {
    const st = capture();
    const list = check(st);
    if (list.length) {
      showProblems(list);
      return;
    }
    const next = apply(st);
    if (!next.ratings && !next.reviews) {
      const first = rows.values().next().value;
      showProblems([problem(first ? 'level-' + first.id + '-error' : 'person-id-error', first ? first.radios : [personID],
        'Choose a level for at least one competency or area: there is nothing to save yet.')]);
      return;
    }
    const text = JSON.stringify(next, null, 2) + '\n';
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > cfg.maxBytes) {
      const [errorID, control] = longestEvidence(st);
      showProblems([problem(errorID, [control],
        'The file would be ' + Math.ceil(bytes.length / 1024) + ' KB, more than the ' + (cfg.maxBytes / 1024) + ' KB a profile may have. Shorten the evidence.')]);
      return;
    }
    clearProblems();
    const fileName = next.id + '.json';
    const url = window.URL.createObjectURL(new Blob([bytes], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => window.URL.revokeObjectURL(url), 60000);

    const savedPart = part;
    shownName = personName.value;
    const added = (next.reviews || []).length > (doc.reviews || []).length;
    doc = next;
    drafts.delete(savedPart);
    if (savedPart === 'new' && added) part = 'review-' + (doc.reviews.length - 1);
    fillReviewPick();
    show(baseline(part));
    let msg = 'Saved ' + fileName + ' to your downloads: ' + describe(doc) + '.';
    if (drafts.size) {
      msg += ' Changes you made to ' + Array.from(drafts.keys()).map(partName).join(' and ') +
        ' are not in this file: show them again and save once more to keep them.';
    }
    announce(msg);
  }

  // longestEvidence returns the error's ID and the control of the
  // longest evidence shown, where a file too large is best shortened; the
  // profile ID's when no evidence is shown.
  function longestEvidence(st) {
    if (part !== 'ratings') {
      return st.evidence.trim() !== '' ? ['review-evidence-error', reviewEvidence] : ['person-id-error', personID];
    }
    let best = null;
    for (const [id, row] of rows) {
      if (st.rows[id].evidence.length > (best ? st.rows[best.id].evidence.length : 0)) best = row;
    }
    return best ? ['evidence-' + best.id + '-error', best.evidence] : ['person-id-error', personID];
  }

  function partName(key) {
    if (key === 'ratings') return 'the person’s own ratings';
    if (key === 'new') return 'a new review';
    return 'review ' + (+key.slice('review-'.length) + 1);
  }

  function count(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  // describe says in a few words what document d holds: "Lee Wong, 3
  // ratings and 2 reviews (manager, peer)".
  function describe(d) {
    const bits = [];
    const nr = Object.keys(d.ratings || {}).length;
    const nv = (d.reviews || []).length;
    if (nr || !nv) bits.push(count(nr, 'rating', 'ratings'));
    if (nv) bits.push(count(nv, 'review', 'reviews') + ' (' + reviewKinds(d.reviews) + ')');
    return (d.name ? d.name + ', ' : '') + bits.join(' and ');
  }

  // kindWords are the words for one and for several reviews of each kind
  // of rater, '' for a review that does not say.
  const kindWords = new Map([
    ['self', ['self-review', 'self-reviews']],
    ['manager', ['manager', 'managers']],
    ['peer', ['peer', 'peers']],
    ['direct-report', ['direct report', 'direct reports']],
    ['assessment', ['assessment', 'assessments']],
    ['', ['rater of no stated kind', 'raters of no stated kind']],
  ]);

  // reviewKinds counts reviews by their kind of rater, in the order of
  // the list of kinds: "manager, 2 peers, 2 direct reports".
  function reviewKinds(reviews) {
    const n = new Map();
    for (const rv of reviews) n.set(rv.source || '', (n.get(rv.source || '') || 0) + 1);
    const out = [];
    for (const s of cfg.sources.concat([''])) {
      const k = n.get(s);
      if (!k) continue;
      const [one, many] = kindWords.get(s) || [s, s];
      out.push(k === 1 ? one : k + ' ' + many);
    }
    return out.join(', ');
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    save();
  });

  // ---- opening ----

  // choice counts the choices of files made with Open: reading is
  // asynchronous, and what a choice read is dropped when a later choice
  // was made meanwhile.
  let choice = 0;

  openInput.addEventListener('change', async () => {
    const files = Array.from(openInput.files);
    if (files.length === 0) return;
    openInput.value = '';
    const mine = ++choice;
    const read = [];
    // One file after the other: each is at most cfg.maxBytes, and what is
    // kept of it is its parsed document.
    for (const file of files) read.push(await readProfile(file));
    if (mine !== choice) return;
    if (read.length === 1) {
      const r = read[0];
      if (r.problems) {
        refuse(r.name + ' could not be opened, and nothing on the page changed:', r.problems, 10);
      } else {
        open(r.name, r.doc, []);
      }
      return;
    }
    const g = gather(read);
    if (g.problems.length) {
      refuse('These ' + read.length + ' files could not be opened together, and nothing on the page changed:', g.problems, 40);
      return;
    }
    const notes = [];
    if (g.repeated) {
      notes.push('Left out ' + count(g.repeated, 'review that repeats', 'reviews that repeat') + ' one from an earlier file.');
    }
    notes.push('Save writes it all as one file, ' + g.doc.id + '.json.');
    open(count(read.length, 'file', 'files') + ' of ' + g.doc.id, g.doc, notes);
  });

  // readProfile reads a file the user chose and returns its name and
  // either the document, tidied, or the problems that keep it from
  // opening, in plain words.
  async function readProfile(file) {
    const name = file.name;
    const fail = (problems) => ({ name, problems });
    if (file.size > cfg.maxBytes) {
      return fail(['It is larger than the ' + (cfg.maxBytes / 1024) + ' KB a profile document may have.']);
    }
    let buf;
    try {
      buf = await file.arrayBuffer();
    } catch (e) {
      return fail(['The browser could not read it: it may have been moved, deleted or changed since you chose it. Choose it again.']);
    }
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch (e) {
      return fail(['It is not text in UTF-8, so it is not a profile document.']);
    }
    if (text.trim() === '') {
      return fail(['It is empty.']);
    }
    let v;
    try {
      v = JSON.parse(text);
    } catch (e) {
      return fail([notJSON(text)]);
    }
    const twice = duplicateKey(text);
    if (twice !== null) {
      return fail(['It gives ' + quote(twice) + ' twice in one object, so which of the two holds is not clear. Keep one of them.']);
    }
    const odd = textProblem(text);
    if (odd !== '') {
      return fail([odd]);
    }
    const problems = checkDoc(v);
    if (problems.length) {
      return fail(problems);
    }
    return { name, doc: tidyDoc(v) };
  }

  // refuse shows why what was chosen did not open: the sentence head and
  // at most limit of the items.
  function refuse(head, items, limit) {
    openMsg.replaceChildren();
    const p = document.createElement('p');
    p.textContent = head;
    const ul = document.createElement('ul');
    for (const t of items.slice(0, limit)) {
      const li = document.createElement('li');
      li.textContent = t;
      ul.append(li);
    }
    if (items.length > limit) {
      const li = document.createElement('li');
      li.textContent = 'and ' + (items.length - limit) + ' more.';
      ul.append(li);
    }
    openMsg.append(p, ul);
    openMsg.classList.add('invalid');
    openMsg.hidden = false;
    announce(head + ' ' + items[0]);
  }

  // fileList names files in a sentence: "a.json", "a.json and b.json",
  // "a.json, b.json and c.json", naming at most five.
  function fileList(names) {
    const shown = names.length > 5 ? names.slice(0, 5).concat([(names.length - 5) + ' more']) : names;
    return shown.length === 1 ? shown[0] : shown.slice(0, -1).join(', ') + ' and ' + shown[shown.length - 1];
  }

  // itemName is how a message names a rated ID: by its row's name when
  // the page lists it.
  function itemName(id) {
    return rows.has(id) ? rows.get(id).name : quote(id);
  }

  // ratingDifference says in words how two direct ratings of one ID
  // differ, both tidied.
  function ratingDifference(a, b) {
    if (a.level !== b.level) return 'level ' + a.level + ' in one and level ' + b.level + ' in the other';
    const what = [];
    const same = (k) => JSON.stringify(a[k]) === JSON.stringify(b[k]);
    if (!same('source')) what.push('kind of rater');
    if (!same('assessedAt')) what.push('date');
    if (!same('evidence')) what.push('evidence');
    if (!same('note')) what.push('note');
    if (!same('combined')) what.push('way of combining');
    const words = what.length === 1 ? what[0] : what.slice(0, -1).join(', ') + ' and ' + what[what.length - 1];
    return 'the same level, ' + a.level + ', but they differ in their ' + words;
  }

  // gather puts several files of one person together: the files read
  // (each a name and a document or its problems), in the order chosen.
  // It returns the problems, in plain words, or the gathered document:
  // the files' ID and name, their direct ratings and their reviews in
  // file order, where a review found in several files counts once (as
  // many times as the one file holding it most often has it). repeated
  // counts the reviews so left out.
  //
  // gather costs time and memory linear in the documents' size.
  function gather(read) {
    const out = [];
    for (const r of read) {
      if (!r.problems) continue;
      for (const t of r.problems.slice(0, 5)) out.push(r.name + ': ' + t);
      if (r.problems.length > 5) {
        out.push(r.name + ': and ' + count(r.problems.length - 5, 'more problem', 'more problems') + '.');
      }
    }
    const good = read.filter((r) => !r.problems);

    // Whose the files are: one ID in all of them.
    const byID = new Map();
    for (const r of good) {
      if (r.doc.id === '') {
        out.push(r.name + ' gives no profile ID, so the page cannot tell whether it is of the same person as the other files.' +
          ' Open it on its own, enter the ID and save it, then choose it with the others again.');
        continue;
      }
      if (!byID.has(r.doc.id)) byID.set(r.doc.id, []);
      byID.get(r.doc.id).push(r.name);
    }
    if (byID.size > 1) {
      const whose = Array.from(byID, ([id, names]) => fileList(names) + (names.length === 1 ? ' is of ' : ' are of ') + quote(id));
      out.push('These files are of different people: ' + fileList(whose) +
        '. Choose the files of one person at a time.');
    }

    // The name: the same wherever it is given.
    const byName = new Map();
    for (const r of good) {
      if (!r.doc.name) continue;
      if (!byName.has(r.doc.name)) byName.set(r.doc.name, []);
      byName.get(r.doc.name).push(r.name);
    }
    if (byName.size > 1) {
      const said = Array.from(byName, ([n, names]) => fileList(names) + (names.length === 1 ? ' gives ' : ' give ') + quote(n));
      out.push('The files give the person different names: ' + fileList(said) +
        '. Correct the name in the files that are wrong (or leave it out of them), then choose the files again.');
    }

    // The direct ratings: one per ID, the same in every file that gives it.
    const ratings = new Map();
    for (const r of good) {
      for (const [id, rt] of Object.entries(r.doc.ratings || {})) {
        const seen = ratings.get(id);
        if (!seen) {
          ratings.set(id, [{ rating: rt, file: r.name, json: JSON.stringify(rt) }]);
          continue;
        }
        const json = JSON.stringify(rt);
        if (seen.some((s) => s.json === json)) continue;
        out.push(itemName(id) + ' is rated directly in both ' + seen[0].file + ' and ' + r.name +
          ', differently: ' + ratingDifference(seen[0].rating, rt) + '. A profile holds one direct rating of each;' +
          ' correct one of the files (or open it on its own and save it again), then choose the files again.');
        seen.push({ rating: rt, file: r.name, json });
      }
    }

    // The reviews, in file order.
    const reviews = [];
    const kept = new Map();
    let repeated = 0;
    for (const r of good) {
      const inFile = new Map();
      for (const rv of r.doc.reviews || []) {
        const key = JSON.stringify(rv);
        const n = (inFile.get(key) || 0) + 1;
        inFile.set(key, n);
        if (n > (kept.get(key) || 0)) {
          reviews.push(rv);
          kept.set(key, n);
        } else {
          repeated++;
        }
      }
    }

    const first = good.length ? good[0].doc : { id: '' };
    const doc = { id: first.id };
    if (byName.size) doc.name = byName.keys().next().value;
    if (ratings.size) {
      doc.ratings = {};
      for (const id of Array.from(ratings.keys()).sort()) doc.ratings[id] = ratings.get(id)[0].rating;
    }
    if (reviews.length) doc.reviews = reviews;
    if (good.length) {
      const size = new TextEncoder().encode(JSON.stringify(order(doc), null, 2) + '\n').length;
      if (size > cfg.maxBytes) {
        out.push('Put together, these files make a profile of ' + Math.ceil(size / 1024) + ' KB, more than the ' +
          (cfg.maxBytes / 1024) + ' KB a profile document may have, so it could not be saved nor read back.' +
          ' A profile may hold any number of reviews, but not more text than that: shorten long evidence or notes in the files,' +
          ' or leave out reviews that are no longer needed.');
      }
    }
    return { problems: out, doc: order(doc), repeated };
  }

  // open shows the document d, opened as what (a file's name, or "5
  // files of alex"), and says so, with the sentences of notes.
  function open(what, d, notes) {
    const replaced = drafts.size > 0 || !sameState(capture(), baseline(part), part) ||
      personID.value.trim() !== (doc.id || '') || personName.value !== shownName;
    doc = d;
    drafts.clear();
    clearProblems();
    personID.value = d.id;
    personName.value = d.name || '';
    shownName = personName.value;
    const onlyReviews = !d.ratings && d.reviews;
    part = onlyReviews ? (d.reviews.length === 1 ? 'review-0' : 'new') : 'ratings';
    setMode(onlyReviews ? 'rater' : 'self');
    fillReviewPick();
    show(baseline(part));

    const unknown = new Set();
    for (const id of Object.keys(d.ratings || {})) if (!rows.has(id)) unknown.add(id);
    for (const rv of d.reviews || []) for (const id of Object.keys(rv.levels)) if (!rows.has(id)) unknown.add(id);
    let msg = 'Opened ' + what + ': ' + describe(d) + '. Showing ' + partName(part) + '.';
    for (const n of notes) msg += ' ' + n;
    if (unknown.size) {
      const ids = Array.from(unknown).sort();
      msg += ' It also rates ' + count(ids.length, 'competency or area', 'competencies or areas') +
        ' this page does not list (' + ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '') +
        (ids.length === 1 ? '); it is kept as it is' : '); they are kept as they are') + ' and saved with the rest.';
      // A look-alike of a listed ID is more likely a typing mistake
      // than another framework's: say which, as wlp validate would.
      const typos = [];
      for (const id of ids) {
        const near = closest(id);
        if (near !== null) typos.push('“' + id + '” looks like “' + near + '”');
      }
      if (typos.length) {
        msg += ' ' + typos.slice(0, 5).join('; ') + (typos.length > 5 ? '; …' : '') +
          ': if that is a typing mistake, correct it in the file, as wlp validate refuses IDs its framework does not know.';
      }
    }
    if (d.ratings && d.reviews) {
      msg += ' To add or change a review, choose “Someone else” under who is rating.';
    }
    if (replaced) {
      msg += ' What you had typed before opening it is replaced.';
    }
    openMsg.replaceChildren();
    openMsg.classList.remove('invalid');
    const p = document.createElement('p');
    p.textContent = msg;
    openMsg.append(p);
    openMsg.hidden = false;
    announce(msg);
  }

  // ---- start ----

  // A browser that restores the fields of a page reloaded may have
  // chosen a rater.
  setMode(mode() || 'self');
  part = mode() === 'rater' ? 'new' : 'ratings';
  fillReviewPick();

  // For tests and for pages that embed this one: the checks, by name.
  window.wlpForm = Object.freeze({ idProblem, dateProblem, raterProblem, checkDoc });
})();
