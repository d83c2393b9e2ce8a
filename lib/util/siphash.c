/* SPDX-License-Identifier: MIT */
/* SipHash, from the description in the paper (section 2); no code was
 * copied. Checked against the paper's test vector in tests/test-plan.c. */
#include "config.h"

#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "siphash-private.h"

static uint64_t
rotl(uint64_t x, int b)
{
	return (x << b) | (x >> (64 - b));
}

static void
sipround(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = rotl(v[1], 13);
	v[1] ^= v[0];
	v[0] = rotl(v[0], 32);
	v[2] += v[3];
	v[3] = rotl(v[3], 16);
	v[3] ^= v[2];
	v[0] += v[3];
	v[3] = rotl(v[3], 21);
	v[3] ^= v[0];
	v[2] += v[1];
	v[1] = rotl(v[1], 17);
	v[1] ^= v[2];
	v[2] = rotl(v[2], 32);
}

/* Little-endian 64-bit word from @n <= 8 bytes. */
static uint64_t
load_le(const unsigned char *p, size_t n)
{
	uint64_t m = 0;

	for (size_t i = 0; i < n; i++)
		m |= (uint64_t)p[i] << (8 * i);
	return m;
}

static void
compress(uint64_t v[4], uint64_t m, int c)
{
	v[3] ^= m;
	for (int i = 0; i < c; i++)
		sipround(v);
	v[0] ^= m;
}

uint64_t
tp_siphash(const uint64_t key[2], const void *data, size_t len, int c, int d)
{
	const unsigned char *p = data;
	uint64_t v[4] = {key[0] ^ UINT64_C(0x736f6d6570736575),
			 key[1] ^ UINT64_C(0x646f72616e646f6d),
			 key[0] ^ UINT64_C(0x6c7967656e657261),
			 key[1] ^ UINT64_C(0x7465646279746573)};
	size_t i;

	for (i = 0; i + 8 <= len; i += 8)
		compress(v, load_le(p + i, 8), c);
	/* The last word: the remaining bytes, and len mod 256 on top. */
	compress(v, load_le(p + i, len - i) | ((uint64_t)(len & 0xff) << 56),
		 c);
	v[2] ^= 0xff;
	for (int k = 0; k < d; k++)
		sipround(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

void
tp_siphash_random_key(uint64_t key[2], const void *salt)
{
	struct timespec ts = {0, 0};
	uint64_t k[2];

	if (getrandom(k, sizeof(k), GRND_NONBLOCK) == (ssize_t)sizeof(k)) {
		memcpy(key, k, sizeof(k));
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	key[0] = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32);
	key[1] = (uint64_t)(uintptr_t)salt * UINT64_C(0x9e3779b97f4a7c15);
}
