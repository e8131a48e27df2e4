'use strict';
// face4j web page: plain JS, no build. Talks to /api/v1 and the /api/v1/live WebSocket.
const API = '/api/v1';
const $ = (id) => document.getElementById(id);
let apiKey = localStorage.getItem('face4j.key') || '';

async function api(method, path, body, type) {
  const headers = {};
  if (apiKey) headers['X-API-Key'] = apiKey;
  if (type) headers['Content-Type'] = type;
  const res = await fetch(API + path, { method, headers, body });
  if (res.status === 401 || res.status === 403) $('keybar').hidden = false;
  const isJson = (res.headers.get('Content-Type') || '').startsWith('application/json');
  const data = isJson ? await res.json() : (res.status === 204 ? null : await res.blob());
  if (!res.ok) throw Object.assign(new Error(data && data.message || res.statusText), { status: res.status, data });
  return data;
}
const json = (method, path, obj) => api(method, path, JSON.stringify(obj), 'application/json');

$('key-save').onclick = () => { apiKey = $('key').value.trim(); localStorage.setItem('face4j.key', apiKey); $('keybar').hidden = true; };

// ---- navigation
const views = { live: startLive, enrol: startEnrolCamera, gallery: loadGallery, verify: () => {} };
function show(view) {
  document.querySelectorAll('nav button').forEach(b => b.classList.toggle('active', b.dataset.view === view));
  document.querySelectorAll('.view').forEach(s => { s.hidden = s.id !== 'view-' + view; });
  if (view !== 'live') stopLive();
  views[view]();
}
document.querySelectorAll('nav button').forEach(b => { b.onclick = () => show(b.dataset.view); });

// ---- camera (shared by Live and Enrol)
let stream = null;
async function camera(video) {
  if (!stream) stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  if (video.srcObject !== stream) video.srcObject = stream;
  await video.play();
  return video;
}
/** The video's current picture on a canvas at most `width` px wide. */
function snapshot(video, width = 640) {
  const scale = Math.min(1, width / video.videoWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}
function jpeg(canvas) {
  return new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.85));
}
/** The video's current picture as a JPEG at most `width` px wide. */
function grab(video, width = 640) {
  return jpeg(snapshot(video, width));
}

// ---- Live: one frame in flight; the next is sent when the answer arrives
let socket = null;
async function startLive() {
  const video = $('live-video');
  try { await camera(video); } catch (e) { $('live-status').textContent = 'No camera: ' + e.message; return; }
  if (socket) return;
  const proto = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${proto}://${location.host}${API}/live${apiKey ? '?key=' + encodeURIComponent(apiKey) : ''}`);
  // The boxes belong to the frame that was sent, not to the live picture (which has moved on by the round trip):
  // that frame is shown over the video with its boxes, so they always sit on the faces.
  let sentAt = 0, sentFrame = null; const times = [];
  const send = async () => {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (!video.videoWidth) { setTimeout(send, 100); return; }
    sentAt = performance.now();
    sentFrame = snapshot(video);
    socket.send(await jpeg(sentFrame));
  };
  socket.onopen = () => { $('live-status').textContent = 'Recognising…'; send(); };
  socket.onclose = () => { socket = null; };
  socket.onmessage = (event) => {
    const now = performance.now();
    const answer = JSON.parse(event.data);
    times.push(now); while (times.length && now - times[0] > 2000) times.shift();
    $('live-fps').textContent = times.length > 1 ? ((times.length - 1) * 1000 / (now - times[0])).toFixed(1) : '–';
    $('live-latency').textContent = Math.round(now - sentAt);
    $('live-server').textContent = answer.ms;
    if (answer.error) $('live-status').textContent = answer.message; else { showFrame(sentFrame); drawTracks(answer); }
    send();
  };
}
function stopLive() { if (socket) { socket.close(); socket = null; } }

function showFrame(frame) {
  const shown = $('live-frame');
  if (!frame) return;
  shown.width = frame.width; shown.height = frame.height;
  shown.getContext('2d').drawImage(frame, 0, 0);
  shown.hidden = false;
}
function drawTracks(answer) {
  const video = $('live-video'), overlay = $('live-overlay');
  // the picture is letterboxed by object-fit: contain
  const scale = Math.min(video.clientWidth / answer.width, video.clientHeight / answer.height);
  const dx = (video.clientWidth - answer.width * scale) / 2, dy = (video.clientHeight - answer.height * scale) / 2;
  overlay.replaceChildren(...answer.tracks.map(t => {
    const [x1, y1, x2, y2] = t.box;
    const box = document.createElement('div');
    box.className = 'face-box' + (t.name ? ' known' : '');
    Object.assign(box.style, { left: dx + x1 * scale + 'px', top: dy + y1 * scale + 'px', width: (x2 - x1) * scale + 'px', height: (y2 - y1) * scale + 'px' });
    const label = document.createElement('span');
    label.className = 'face-label';
    label.dataset.track = t.id;
    // a low-quality face says why it is not named: "unknown (too dark)"
    const why = t.reason === 'low_quality' && t.qualityReasons.length ? ` (${t.qualityReasons.map(r => r.replace('_', ' ')).join(', ')})` : '';
    label.textContent = `#${t.id} ${t.name || 'unknown'}${why}` + (t.similarity != null ? ` ${t.similarity.toFixed(2)}` : '');
    box.append(label);
    if (t.liveness) {
      const badge = document.createElement('span');
      badge.className = 'live-badge ' + t.liveness.state;
      badge.dataset.track = t.id;
      badge.title = t.liveness.reason;
      badge.textContent = t.liveness.state === 'undecided' ? 'checking' : t.liveness.state;
      box.append(badge);
    }
    return box;
  }));
  $('live-faces').textContent = answer.tracks.length;
}

// ---- Enrol
async function startEnrolCamera() {
  try { await camera($('enrol-video')); } catch (e) { $('enrol-status').textContent = 'No camera (' + e.message + '); upload photos instead.'; }
}
$('enrol-start').onclick = startEnrolCamera;

/** The subject of that name: created, or the existing one (409 carries its id). */
async function subjectNamed(name) {
  try { return (await json('POST', '/subjects', { name })).id; } catch (e) {
    if (e.status === 409 && e.data.details) return e.data.details.id;
    throw e;
  }
}
async function enrol(blobs) {
  const name = $('enrol-name').value.trim();
  const status = $('enrol-status'), list = $('enrol-results');
  if (!name) { status.textContent = 'Type a name first.'; return; }
  list.replaceChildren();
  let added = 0;
  try {
    const id = await subjectNamed(name);
    for (const [i, blob] of blobs.entries()) {
      const form = new FormData(); form.append('file', blob, blob.name || `frame${i + 1}.jpg`);
      let lines;
      try { const r = await api('POST', `/subjects/${id}/faces`, form); lines = r.images; added += r.added; } catch (e) {
        lines = e.data && e.data.details ? e.data.details : [{ image: blob.name || `frame ${i + 1}`, status: 'rejected', reason: e.message }];
      }
      for (const l of lines) {
        const li = document.createElement('li');
        li.className = l.status;
        const q = l.quality ? ` (quality ${l.quality.score.toFixed(2)}, eyes ${l.quality.eyeDistance} px, sharpness ${l.quality.sharpness})` : '';
        li.textContent = `${blob.name || 'frame ' + (i + 1)}: ${l.status}${l.reason ? ' – ' + l.reason : ''}${q}`;
        list.append(li);
      }
    }
    status.textContent = added ? `Enrolled ${added} face${added > 1 ? 's' : ''} for ${name}.` : `Nothing enrolled for ${name}.`;
  } catch (e) { status.textContent = 'Failed: ' + e.message; }
}
$('enrol-capture').onclick = async () => {
  const video = $('enrol-video');
  try { await camera(video); } catch (e) { $('enrol-status').textContent = 'No camera: ' + e.message; return; }
  const n = Math.max(1, Math.min(20, +$('enrol-count').value || 5));
  const frames = [];
  $('enrol-capture').disabled = true;
  for (let i = 0; i < n; i++) {
    $('enrol-status').textContent = `Capturing ${i + 1}/${n}…`;
    frames.push(await grab(video, 960));
    await new Promise(r => setTimeout(r, 350)); // spaced so the frames differ (near-duplicates are skipped)
  }
  await enrol(frames);
  $('enrol-capture').disabled = false;
};
$('enrol-files').onchange = (e) => enrol([...e.target.files]);

// ---- Gallery
async function loadGallery() {
  const list = $('gallery-list');
  try {
    const [{ subjects }, stats] = await Promise.all([api('GET', '/subjects'), api('GET', '/gallery/stats')]);
    $('gallery-stats').textContent = `${stats.subjects} people, ${stats.faces} faces · threshold ${stats.threshold}${stats.calibrated ? ' (calibrated)' : ''}`;
    list.replaceChildren(...subjects.map(card));
    if (!subjects.length) list.textContent = 'Nobody enrolled yet.';
  } catch (e) { list.textContent = 'Cannot load the gallery: ' + e.message; }
}
function card(subject) {
  const el = document.createElement('div'); el.className = 'card';
  const thumbs = document.createElement('div'); thumbs.className = 'thumbs';
  const name = document.createElement('div'); name.className = 'name'; name.textContent = subject.name;
  const count = document.createElement('div'); count.className = 'note'; count.textContent = `${subject.faceCount} face${subject.faceCount === 1 ? '' : 's'}`;
  const row = document.createElement('div'); row.className = 'row';
  const rename = document.createElement('button'); rename.textContent = 'Rename';
  const remove = document.createElement('button'); remove.textContent = 'Delete';
  rename.onclick = async () => {
    const to = prompt('New name for ' + subject.name, subject.name);
    if (to && to !== subject.name) { try { await json('PATCH', `/subjects/${subject.id}`, { name: to }); } catch (e) { alert(e.message); } loadGallery(); }
  };
  remove.onclick = async () => {
    if (confirm(`Delete ${subject.name} and all their faces?`)) { await api('DELETE', `/subjects/${subject.id}`); loadGallery(); }
  };
  row.append(rename, remove);
  el.append(thumbs, name, count, row);
  api('GET', `/subjects/${subject.id}`).then(s => s.faces.slice(0, 3).forEach(async f => {
    const img = document.createElement('img'); img.alt = subject.name;
    img.src = URL.createObjectURL(await api('GET', f.thumbnail.slice(API.length)));
    thumbs.append(img);
  })).catch(() => {});
  return el;
}

// ---- Verify
for (const side of ['a', 'b']) {
  $('verify-' + side).onchange = (e) => { const f = e.target.files[0]; if (f) $(`verify-${side}-preview`).src = URL.createObjectURL(f); };
}
$('verify-run').onclick = async () => {
  const out = $('verify-result'), a = $('verify-a').files[0], b = $('verify-b').files[0];
  if (!a || !b) { out.textContent = 'Choose two photos.'; out.className = 'verdict'; return; }
  const form = new FormData(); form.append('image1', a); form.append('image2', b);
  try {
    const r = await api('POST', '/verify', form);
    out.textContent = `${r.same ? 'Same person' : 'Different people'} · similarity ${r.similarity.toFixed(3)} (threshold ${r.threshold})`;
    out.className = 'verdict ' + (r.same ? 'same' : 'different');
  } catch (e) { out.textContent = e.message; out.className = 'verdict different'; }
};

show(location.hash === '#enrol' || location.hash === '#gallery' || location.hash === '#verify' ? location.hash.slice(1) : 'live');
