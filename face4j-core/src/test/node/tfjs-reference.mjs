// Test-only: computes reference outputs of the Human TFJS models with TensorFlow.js itself, for TfjsEquivalenceTest.
// Not part of the build; see README.md in this folder for how to run it and which versions produced the fixture.
//
//   node tfjs-reference.mjs MODELS_DIR INPUTS_DIR OUT.json
//
// MODELS_DIR: face4j-models/src/main/resources/io/face4j/models/human (antispoof.json|bin, liveness.json|bin)
// INPUTS_DIR: the face inputs written by TfjsReferenceInputs (faces-<model>.f32, little-endian float32, NHWC)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs'); // resolved from NODE_PATH or a node_modules above the working directory

const [modelsDir, inputsDir, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node tfjs-reference.mjs MODELS_DIR INPUTS_DIR OUT.json');
  process.exit(1);
}

// The seeded inputs, defined identically in TfjsReference.java: a 32-bit LCG (Numerical Recipes constants
// 1664525, 1013904223); each value is the top 24 bits of the state / 2^24, a float32-exact number in [0, 1).
function seeded(seed, count) {
  const out = new Float32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = (state >>> 8) / 16777216;
  }
  return out;
}

function sha256(f32) {
  return crypto.createHash('sha256').update(Buffer.from(f32.buffer, f32.byteOffset, f32.byteLength)).digest('hex');
}

async function load(name) {
  const json = JSON.parse(fs.readFileSync(path.join(modelsDir, name + '.json'), 'utf8'));
  const buffers = [];
  for (const group of json.weightsManifest) {
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(modelsDir, p)));
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
  const handler = {
    load: async () => ({
      modelTopology: json.modelTopology, weightSpecs, weightData, format: json.format,
      generatedBy: json.generatedBy, convertedBy: json.convertedBy, signature: json.signature,
    }),
  };
  return tf.loadGraphModel(handler);
}

async function main() {
  await tf.setBackend('cpu'); // the pure-JS kernels: float32 arithmetic, no WebGL/WASM
  await tf.ready();
  const models = { antispoof: 128, liveness: 32 };
  const cases = [];
  let seed = 1;
  for (const [name, size] of Object.entries(models)) {
    const model = await load(name);
    const perItem = size * size * 3;
    const run = (data, batch) => tf.tidy(() => Array.from(model.execute(tf.tensor4d(data, [batch, size, size, 3])).dataSync()));
    for (const batch of [1, 3]) {
      const data = seeded(seed, batch * perItem);
      cases.push({ model: name, input: 'seeded', seed, batch, inputSha256: sha256(data), output: run(data, batch) });
      seed++;
    }
    const facesFile = path.join(inputsDir, `faces-${name}.f32`);
    const bytes = fs.readFileSync(facesFile);
    const faces = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (faces.length !== 3 * perItem) throw new Error(`${facesFile}: expected ${3 * perItem} floats, got ${faces.length}`);
    for (const batch of [1, 3]) {
      const data = faces.slice(0, batch * perItem);
      cases.push({ model: name, input: 'faces', batch, inputSha256: sha256(data), output: run(data, batch) });
    }
    model.dispose();
  }
  // Human's face crop (src/face/facemeshutil.ts cutAndResize, then antispoof.ts/liveness.ts resizeBilinear) on a
  // seeded 64x48 RGB image, for HumanFaceCropTest: face boxes as [x1, y1, x2, y2] pixels, enlarged 1.4 times and
  // squared with Math.round corners as Human's enlargeBox/squarifyBox do.
  const crops = [];
  const [w, h] = [64, 48];
  const pixels = Float32Array.from(seeded(99, w * h * 3), (v) => Math.floor(v * 256));
  const image = tf.tensor4d(pixels, [1, h, w, 3]);
  for (const face of [[20, 10, 44, 38], [-6, 30, 22, 60]]) {
    const cx = (face[0] + face[2]) / 2;
    const cy = (face[1] + face[3]) / 2;
    const half = 1.4 * Math.max(face[2] - face[0], face[3] - face[1]) / 2;
    const sq = [Math.round(cx - half), Math.round(cy - half), Math.round(cx + half), Math.round(cy + half)];
    for (const size of [128, 32]) {
      const values = tf.tidy(() => {
        const mesh = tf.div(tf.image.cropAndResize(image, [[sq[1] / h, sq[0] / w, sq[3] / h, sq[2] / w]], [0], [192, 192]), 255);
        return Array.from(tf.image.resizeBilinear(mesh, [size, size], false).dataSync());
      });
      // every value of the 32x32 crop; every 37th of the 128x128 one, to keep the fixture small
      const step = size === 32 ? 1 : 37;
      crops.push({ face, cropBox: sq, size, step, values: values.filter((_, i) => i % step === 0) });
    }
  }
  image.dispose();
  const doc = {
    comment: 'Reference outputs of @tensorflow/tfjs for TfjsEquivalenceTest; regenerate with src/test/node/README.md',
    tfjsVersion: tf.version.tfjs, backend: tf.getBackend(), node: process.version, cases, crops,
  };
  // one case or crop per line: readable diffs without a line per number
  const lines = Object.entries(doc).map(([k, v]) => (Array.isArray(v)
    ? ` ${JSON.stringify(k)}: [\n${v.map((e) => '  ' + JSON.stringify(e)).join(',\n')}\n ]`
    : ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`));
  fs.writeFileSync(outFile, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`wrote ${cases.length} cases and ${crops.length} crops to ${outFile} (tfjs ${tf.version.tfjs}, backend ${tf.getBackend()})`);
}

main().catch((e) => { console.error(e); process.exit(1); });
