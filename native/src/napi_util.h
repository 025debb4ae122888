// Tiny helpers for writing the kernel's Node-API functions: read arguments (typed arrays as pointer + length,
// numbers, and the same from an object's properties) with a JS TypeError naming the argument when its type is
// wrong, and make result values. Header-only; include it from any native/src/*.cc.
//
// A function looks like this (register it in addon.cc's kFunctions):
//
//   // scale(xs: Float64Array, k: number, options: { offset: number }): scales xs in place, returns its length
//   napi_value Scale(const mullet::napi::Args& args) {
//     auto xs = args.float64Array(0);  // else TypeError "argument 0: expected a Float64Array, got Array"
//     double k = args.number(1);       // else TypeError "argument 1: expected a number, got string"
//     double offset = args.propNumber(2, "offset");  // else "argument 2 .offset: expected a number, got ..."
//     for (size_t i = 0; i < xs.length; i++) xs.data[i] = xs.data[i] * k + offset;
//     return mullet::napi::number(args.env, static_cast<double>(xs.length));
//   }
//
// Errors: every helper that fails leaves a JS exception pending and throws mullet::napi::Pending; the wrapper
// `callback<F>` (used by addon.cc) catches it and returns to JS, which then sees the exception. A C++ exception
// of another kind becomes a JS Error with its what(). Nothing here keeps global state, so the module stays safe
// to load in several worker threads at once.
#pragma once

#include <node_api.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

namespace mullet::napi {

// Thrown after a JS exception was made pending; caught by callback<F>.
struct Pending {};

// Throws a JS TypeError with `message`.
[[noreturn]] inline void throwTypeError(napi_env env, const std::string& message) {
  napi_throw_type_error(env, nullptr, message.c_str());
  throw Pending{};
}

// Checks an N-API call's status: on failure makes a JS Error pending (unless one already is) and throws.
inline void check(napi_env env, napi_status status) {
  if (status == napi_ok) return;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) {
    const napi_extended_error_info* info = nullptr;
    napi_get_last_error_info(env, &info);
    const char* message = info && info->error_message ? info->error_message : "Node-API call failed";
    napi_throw_error(env, nullptr, message);
  }
  throw Pending{};
}

// A typed array's elements, viewed in place (no copy): valid until the callback returns.
template <typename T>
struct Span {
  T* data;
  size_t length;
};

// The typed array type that holds T, and how error messages name it.
template <typename T>
struct TypedArrayOf;
template <>
struct TypedArrayOf<double> {
  static constexpr napi_typedarray_type type = napi_float64_array;
  static constexpr const char* expected = "a Float64Array";
};
template <>
struct TypedArrayOf<int32_t> {
  static constexpr napi_typedarray_type type = napi_int32_array;
  static constexpr const char* expected = "an Int32Array";
};
template <>
struct TypedArrayOf<uint32_t> {
  static constexpr napi_typedarray_type type = napi_uint32_array;
  static constexpr const char* expected = "a Uint32Array";
};

// What a JS value is, for error messages: "undefined", "number", "Int32Array", "Array", "object", ...
inline std::string describe(napi_env env, napi_value value) {
  napi_valuetype t = napi_undefined;
  check(env, napi_typeof(env, value, &t));
  switch (t) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return "boolean";
    case napi_number: return "number";
    case napi_string: return "string";
    case napi_symbol: return "symbol";
    case napi_function: return "function";
    case napi_bigint: return "bigint";
    case napi_external: return "external";
    case napi_object: break;
  }
  bool is = false;
  check(env, napi_is_typedarray(env, value, &is));
  if (is) {
    static const char* const names[] = {"Int8Array",    "Uint8Array",   "Uint8ClampedArray", "Int16Array",
                                        "Uint16Array",  "Int32Array",   "Uint32Array",       "Float32Array",
                                        "Float64Array", "BigInt64Array", "BigUint64Array"};
    napi_typedarray_type type;
    size_t length;
    check(env, napi_get_typedarray_info(env, value, &type, &length, nullptr, nullptr, nullptr));
    return static_cast<size_t>(type) < sizeof names / sizeof names[0] ? names[type] : "typed array";
  }
  check(env, napi_is_array(env, value, &is));
  return is ? "Array" : "object";
}

// `value` as a Span<T> if it is T's typed array, else a TypeError "<what>: expected a Float64Array, got ...".
template <typename T>
Span<T> typedArray(napi_env env, napi_value value, const std::string& what) {
  bool is = false;
  check(env, napi_is_typedarray(env, value, &is));
  napi_typedarray_type type = napi_int8_array;
  size_t length = 0;
  void* data = nullptr;
  if (is) check(env, napi_get_typedarray_info(env, value, &type, &length, &data, nullptr, nullptr));
  if (!is || type != TypedArrayOf<T>::type)
    throwTypeError(env, what + ": expected " + TypedArrayOf<T>::expected + ", got " + describe(env, value));
  return Span<T>{static_cast<T*>(data), length};
}

// `value` as a double if it is a number, else a TypeError "<what>: expected a number, got ...".
inline double number(napi_env env, napi_value value, const std::string& what) {
  napi_valuetype t = napi_undefined;
  check(env, napi_typeof(env, value, &t));
  if (t != napi_number) throwTypeError(env, what + ": expected a number, got " + describe(env, value));
  double result = 0;
  check(env, napi_get_value_double(env, value, &result));
  return result;
}

// A callback's arguments (up to kMax; missing ones read as undefined), with typed readers.
class Args {
 public:
  static constexpr size_t kMax = 8;
  napi_env env;
  size_t count = kMax;  // how many the caller passed (may exceed kMax; extra ones are not read)

  Args(napi_env env, napi_callback_info info) : env(env) {
    check(env, napi_get_cb_info(env, info, &count, argv_, nullptr, nullptr));
  }

  // Argument i, or undefined when the caller passed fewer.
  napi_value operator[](size_t i) const {
    if (i < count && i < kMax) return argv_[i];
    napi_value undefined;
    check(env, napi_get_undefined(env, &undefined));
    return undefined;
  }

  Span<double> float64Array(size_t i) const { return typedArray<double>(env, (*this)[i], name(i)); }
  Span<int32_t> int32Array(size_t i) const { return typedArray<int32_t>(env, (*this)[i], name(i)); }
  Span<uint32_t> uint32Array(size_t i) const { return typedArray<uint32_t>(env, (*this)[i], name(i)); }
  double number(size_t i) const { return napi::number(env, (*this)[i], name(i)); }

  // Property `key` of argument i, which must be an object: errors read "argument 2 .prices: expected ...".
  Span<double> propFloat64Array(size_t i, const char* key) const {
    return typedArray<double>(env, prop(i, key), name(i, key));
  }
  Span<int32_t> propInt32Array(size_t i, const char* key) const {
    return typedArray<int32_t>(env, prop(i, key), name(i, key));
  }
  Span<uint32_t> propUint32Array(size_t i, const char* key) const {
    return typedArray<uint32_t>(env, prop(i, key), name(i, key));
  }
  double propNumber(size_t i, const char* key) const { return napi::number(env, prop(i, key), name(i, key)); }

 private:
  napi_value argv_[kMax] = {};

  static std::string name(size_t i) { return "argument " + std::to_string(i); }
  static std::string name(size_t i, const char* key) { return name(i) + " ." + key; }

  napi_value prop(size_t i, const char* key) const {
    napi_value object = (*this)[i];
    napi_valuetype t = napi_undefined;
    check(env, napi_typeof(env, object, &t));
    if (t != napi_object) throwTypeError(env, name(i) + ": expected an object, got " + describe(env, object));
    napi_value value;
    check(env, napi_get_named_property(env, object, key, &value));
    return value;
  }
};

// Result values.
inline napi_value number(napi_env env, double value) {
  napi_value result;
  check(env, napi_create_double(env, value, &result));
  return result;
}

inline napi_value string(napi_env env, const char* value) {
  napi_value result;
  check(env, napi_create_string_utf8(env, value, NAPI_AUTO_LENGTH, &result));
  return result;
}

// A new zero-filled typed array of `length` T, and its elements to fill in.
template <typename T>
napi_value newTypedArray(napi_env env, size_t length, Span<T>* elements) {
  void* data = nullptr;
  napi_value buffer;
  napi_value array;
  check(env, napi_create_arraybuffer(env, length * sizeof(T), &data, &buffer));
  check(env, napi_create_typedarray(env, TypedArrayOf<T>::type, length, buffer, 0, &array));
  *elements = Span<T>{static_cast<T*>(data), length};
  return array;
}

// A kernel function as written: reads its Args, returns its result (or throws Pending / std::exception).
using Function = napi_value (*)(const Args& args);

// The napi_callback for F: builds Args, turns C++ exceptions into JS ones. Use as callback<MyFunction>.
template <Function F>
napi_value callback(napi_env env, napi_callback_info info) {
  try {
    Args args(env, info);
    return F(args);
  } catch (const Pending&) {
  } catch (const std::exception& error) {
    napi_throw_error(env, nullptr, error.what());
  } catch (...) {
    napi_throw_error(env, nullptr, "native kernel: unknown C++ exception");
  }
  return nullptr;
}

// Sets object[name] = value.
inline void set(napi_env env, napi_value object, const char* name, napi_value value) {
  check(env, napi_set_named_property(env, object, name, value));
}

// Sets object[name] = a JS function calling `fn` (e.g. callback<MyFunction>).
inline void setFunction(napi_env env, napi_value object, const char* name, napi_callback fn) {
  napi_value value;
  check(env, napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, nullptr, &value));
  set(env, object, name, value);
}

}  // namespace mullet::napi
