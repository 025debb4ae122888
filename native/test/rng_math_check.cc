// Test driver for js_math.h and rng.h: test/native/rng-math.test.ts compiles it, feeds it inputs and compares
// what it prints with what V8 computes. Doubles travel as 16 hex digits of their IEEE bits, one per line, so
// nothing is lost to decimal conversion.
//
//   rng_math_check exp|log|log1p|exp8          stdin: one double a line; stdout: f(x) a line (exp8: 8 at a time)
//   rng_math_check normal|uniform S0 S1 S2 S3 TOTAL SIZES
//                      fills TOTAL values from state S (hex words) in calls of SIZES (comma list, cycled);
//                      stdout: the values, then the final state as one line of four hex words
//   rng_math_check seed SEED CHUNKS            stdout: chunk_stream(SEED, i) for i < CHUNKS, one state a line
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "js_math.h"
#include "rng.h"

namespace {

std::string out;

void put_hex(uint64_t v, int digits) {
  static const char kDigits[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; i--) out.push_back(kDigits[(v >> (4 * i)) & 15]);
}
void put_double(double d) {
  put_hex(std::bit_cast<uint64_t>(d), 16);
  out.push_back('\n');
}
void put_state(const uint32_t s[4]) {
  for (int w = 0; w < 4; w++) {
    if (w) out.push_back(' ');
    put_hex(s[w], 8);
  }
  out.push_back('\n');
}
void flush() {
  std::fwrite(out.data(), 1, out.size(), stdout);
  out.clear();
}

std::vector<double> read_doubles() {
  const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::vector<double> xs;
  const char* p = text.c_str();
  char* end;
  for (;;) {
    const uint64_t bits = std::strtoull(p, &end, 16);
    if (end == p) break;
    xs.push_back(std::bit_cast<double>(bits));
    p = end;
  }
  return xs;
}

int run_math(const std::string& fn) {
  const std::vector<double> xs = read_doubles();
  out.reserve(xs.size() * 17);
  if (fn == "exp8") {
    if (xs.size() % 8) return std::fprintf(stderr, "exp8 needs a multiple of 8 inputs\n"), 2;
    for (size_t i = 0; i < xs.size(); i += 8) {
      mullet::v8d v;
      std::memcpy(&v, &xs[i], sizeof v);
      const mullet::v8d r = mullet::js_exp8(v);
      for (int lane = 0; lane < 8; lane++) put_double(r[lane]);
    }
  } else {
    double (*f)(double) = fn == "exp" ? mullet::js_exp : fn == "log" ? mullet::js_log : mullet::js_log1p;
    for (const double x : xs) put_double(f(x));
  }
  flush();
  return 0;
}

int run_fill(const std::string& kind, char** argv) {
  uint32_t s[4];
  for (int w = 0; w < 4; w++) s[w] = static_cast<uint32_t>(std::strtoul(argv[w], nullptr, 16));
  const size_t total = std::strtoull(argv[4], nullptr, 10);
  std::vector<size_t> sizes;
  for (const char* p = argv[5]; *p;) {
    char* end;
    sizes.push_back(std::strtoull(p, &end, 10));
    p = *end == ',' ? end + 1 : end;
  }
  std::vector<double> values(total);
  // Call sizes cycle; the last call is cut to what remains. Same schedule as the JS side.
  for (size_t from = 0, call = 0; from < total; call++) {
    const size_t count = std::min(sizes[call % sizes.size()], total - from);
    if (kind == "normal")
      mullet::fill_normal(s, values.data(), from, count);
    else
      mullet::fill_uniform(s, values.data(), from, count);
    from += count;
  }
  out.reserve(total * 17 + 64);
  for (const double v : values) put_double(v);
  put_state(s);
  flush();
  return 0;
}

int run_seed(char** argv) {
  const uint64_t seed = std::strtoull(argv[0], nullptr, 10);
  const uint64_t chunks = std::strtoull(argv[1], nullptr, 10);
  for (uint64_t i = 0; i < chunks; i++) {
    uint32_t s[4];
    mullet::chunk_stream(seed, i, s);
    put_state(s);
  }
  flush();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "exp" || mode == "log" || mode == "log1p" || mode == "exp8") return run_math(mode);
  if ((mode == "normal" || mode == "uniform") && argc == 8) return run_fill(mode, argv + 2);
  if (mode == "seed" && argc == 4) return run_seed(argv + 2);
  std::fprintf(stderr, "usage: see the comment at the top of rng_math_check.cc\n");
  return 2;
}
