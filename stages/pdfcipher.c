/*
 * pdfcipher.c - RC4 and AES (FIPS 197) with CBC chaining.
 *
 * AES here works on the state byte by byte, as the standard describes
 * it; the S-box is computed once rather than typed in.
 */
#include <string.h>

#include "pdfcrypto.h"

void
rc4(const unsigned char *key, size_t keylen, unsigned char *data, size_t n)
{
	unsigned char s[256], t;
	size_t i;
	int j = 0, a = 0, b = 0;

	for (i = 0; i < 256; i++)
		s[i] = (unsigned char)i;
	for (i = 0; i < 256; i++) {
		j = (j + s[i] + key[i % keylen]) & 0xff;
		t = s[i];
		s[i] = s[j];
		s[j] = t;
	}
	for (i = 0; i < n; i++) {
		a = (a + 1) & 0xff;
		b = (b + s[a]) & 0xff;
		t = s[a];
		s[a] = s[b];
		s[b] = t;
		data[i] ^= s[(s[a] + s[b]) & 0xff];
	}
}

static unsigned char sbox[256], inv_sbox[256];

static unsigned char
xtime(unsigned char x)
{
	return (unsigned char)(x << 1 ^ (x & 0x80 ? 0x1b : 0));
}

static unsigned char
gmul(unsigned char a, unsigned char b)
{
	unsigned char r = 0;

	while (b) {
		if (b & 1)
			r ^= a;
		a = xtime(a);
		b >>= 1;
	}
	return r;
}

/* The S-box: the multiplicative inverse in GF(2^8), then an affine map. */
static void
make_sbox(void)
{
	unsigned char inv, x;
	int i, k;

	if (sbox[0] == 0x63)
		return;
	for (i = 0; i < 256; i++) {
		inv = 0;
		for (k = 1; k < 256 && i != 0; k++)
			if (gmul((unsigned char)i, (unsigned char)k) == 1) {
				inv = (unsigned char)k;
				break;
			}
		x = inv;
		x ^= (unsigned char)(inv << 1 | inv >> 7);
		x ^= (unsigned char)(inv << 2 | inv >> 6);
		x ^= (unsigned char)(inv << 3 | inv >> 5);
		x ^= (unsigned char)(inv << 4 | inv >> 4);
		x ^= 0x63;
		sbox[i] = x;
		inv_sbox[x] = (unsigned char)i;
	}
}

static uint32_t
sub_word(uint32_t w)
{
	return (uint32_t)sbox[w >> 24] << 24 | (uint32_t)sbox[w >> 16 & 0xff] << 16 |
	    (uint32_t)sbox[w >> 8 & 0xff] << 8 | sbox[w & 0xff];
}

void
aes_init(struct aes *a, const unsigned char *key, size_t keylen)
{
	int nk = (int)keylen / 4, i, total;
	unsigned char rcon = 1;
	uint32_t t;

	make_sbox();
	a->rounds = nk + 6;
	total = 4 * (a->rounds + 1);
	for (i = 0; i < nk; i++)
		a->rk[i] = (uint32_t)key[4 * i] << 24 |
		    (uint32_t)key[4 * i + 1] << 16 |
		    (uint32_t)key[4 * i + 2] << 8 | key[4 * i + 3];
	for (i = nk; i < total; i++) {
		t = a->rk[i - 1];
		if (i % nk == 0) {
			t = sub_word(t << 8 | t >> 24) ^ (uint32_t)rcon << 24;
			rcon = xtime(rcon);
		} else if (nk > 6 && i % nk == 4)
			t = sub_word(t);
		a->rk[i] = a->rk[i - nk] ^ t;
	}
}

static void
add_round_key(const struct aes *a, unsigned char st[16], int round)
{
	int c;

	for (c = 0; c < 4; c++) {
		uint32_t w = a->rk[4 * round + c];

		st[4 * c] ^= (unsigned char)(w >> 24);
		st[4 * c + 1] ^= (unsigned char)(w >> 16);
		st[4 * c + 2] ^= (unsigned char)(w >> 8);
		st[4 * c + 3] ^= (unsigned char)w;
	}
}

/* Row r of the state moves left by r (dir 1) or right by r (dir -1). */
static void
shift_rows(unsigned char st[16], int dir)
{
	unsigned char t[16];
	int r, c;

	for (r = 0; r < 4; r++)
		for (c = 0; c < 4; c++)
			t[4 * c + r] = st[4 * ((c + dir * r + 4) % 4) + r];
	memcpy(st, t, 16);
}

static void
mix_columns(unsigned char st[16], const unsigned char m[4])
{
	unsigned char col[4];
	int c, r;

	for (c = 0; c < 4; c++) {
		memcpy(col, st + 4 * c, 4);
		for (r = 0; r < 4; r++)
			st[4 * c + r] = gmul(col[0], m[(4 - r) % 4]) ^
			    gmul(col[1], m[(5 - r) % 4]) ^
			    gmul(col[2], m[(6 - r) % 4]) ^
			    gmul(col[3], m[(7 - r) % 4]);
	}
}

static const unsigned char mix[4] = { 2, 3, 1, 1 };
static const unsigned char inv_mix[4] = { 14, 11, 13, 9 };

void
aes_encrypt_block(const struct aes *a, unsigned char st[16])
{
	int round, i;

	add_round_key(a, st, 0);
	for (round = 1; round <= a->rounds; round++) {
		for (i = 0; i < 16; i++)
			st[i] = sbox[st[i]];
		shift_rows(st, 1);
		if (round != a->rounds)
			mix_columns(st, mix);
		add_round_key(a, st, round);
	}
}

void
aes_decrypt_block(const struct aes *a, unsigned char st[16])
{
	int round, i;

	add_round_key(a, st, a->rounds);
	for (round = a->rounds - 1; round >= 0; round--) {
		shift_rows(st, -1);
		for (i = 0; i < 16; i++)
			st[i] = inv_sbox[st[i]];
		add_round_key(a, st, round);
		if (round != 0)
			mix_columns(st, inv_mix);
	}
}

/* CBC over whole blocks; iv is updated so calls can be chained. */
void
aes_cbc_encrypt(const struct aes *a, unsigned char iv[16], unsigned char *p,
    size_t n)
{
	size_t i, k;

	for (i = 0; i + 16 <= n; i += 16) {
		for (k = 0; k < 16; k++)
			p[i + k] ^= iv[k];
		aes_encrypt_block(a, p + i);
		memcpy(iv, p + i, 16);
	}
}

void
aes_cbc_decrypt(const struct aes *a, unsigned char iv[16], unsigned char *p,
    size_t n)
{
	unsigned char save[16];
	size_t i, k;

	for (i = 0; i + 16 <= n; i += 16) {
		memcpy(save, p + i, 16);
		aes_decrypt_block(a, p + i);
		for (k = 0; k < 16; k++)
			p[i + k] ^= iv[k];
		memcpy(iv, save, 16);
	}
}
