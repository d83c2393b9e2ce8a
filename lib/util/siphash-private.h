/* SPDX-License-Identifier: MIT */
#ifndef TP_SIPHASH_PRIVATE_H
#define TP_SIPHASH_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-c-d (J.-P. Aumasson and D. J. Bernstein, "SipHash: a fast
 * short-input PRF", 2012) of the @len bytes at @data under the 128-bit
 * @key, with @c compression and @d finalization rounds: SipHash-2-4 is the
 * paper's; the stage table uses SipHash-1-3, as Python and Rust do for
 * their hash tables. */
uint64_t
tp_siphash(const uint64_t key[2], const void *data, size_t len, int c, int d);

/* A fresh random key from getrandom(2); if the kernel cannot give one
 * without blocking, the clock and @salt (an address) stand in, which
 * still differs from run to run. */
void
tp_siphash_random_key(uint64_t key[2], const void *salt);

#endif
