import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkStream, jump, nextUint32, seedState, splitMix64 } from './xoshiro128ss.ts';

// Reference data from the C reference implementation (prng.di.unimi.it/xoshiro128starstar.c), as published
// with github:edorfaus/xoshiro-6502 test-rom/testdata.asm: seed state, the state after each of 4 steps with
// the starstar outputs, and the state after each of 4 successive jump() calls.
const SEED = [0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0];
const OUTPUTS = [0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70];
const STATES = [
  [0x72410269, 0xef382c52, 0x2e43bec7, 0x62432f20],
  [0xff3a011b, 0xb33a90fc, 0x2c5a18ae, 0xd81b946b],
  [0x941b058c, 0x605a8949, 0xa641e1b5, 0x0824bb59],
  [0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343],
];
const JUMP_STATES = [
  [0x2a6dd50d, 0x01177499, 0xd7eb7d01, 0xddc48284],
  [0x5efdee5a, 0x3aa13c3d, 0x8cc77479, 0xeb10a58f],
  [0x2ca76937, 0x14c9006e, 0x34097ea8, 0xfdd876ea],
  [0x01b72c9a, 0xa78174aa, 0x1cc317be, 0x888235b2],
];

describe('xoshiro128**', () => {
  it('matches the C reference outputs and states step by step', () => {
    const s = new Uint32Array(SEED);
    OUTPUTS.forEach((expected, i) => {
      assert.equal(nextUint32(s), expected);
      assert.deepEqual([...s], STATES[i]);
    });
  });

  it('jump() matches the C reference states after 1, 2, 3 and 4 jumps', () => {
    const s = new Uint32Array(SEED);
    for (const expected of JUMP_STATES) {
      jump(s);
      assert.deepEqual([...s], expected);
    }
  });

  it('splitMix64 matches the reference outputs for seed 1234567', () => {
    // splitmix64.c with x = 1234567: the first five next() values.
    assert.deepEqual(splitMix64(1234567n, 5).map(String), [
      '6457827717110365317',
      '3203168211198807973',
      '9817491932198370423',
      '4593380528125082431',
      '16408922859458223821',
    ]);
  });

  it('seeds from the seed alone, and a chunk stream is the seed state jumped once per chunk', () => {
    assert.deepEqual([...seedState(42)], [...seedState(42)]);
    assert.notDeepEqual([...seedState(42)], [...seedState(43)]);
    const s = seedState(42);
    jump(s);
    jump(s);
    assert.deepEqual([...chunkStream(42, 2)], [...s]);
  });
});
