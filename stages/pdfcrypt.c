/*
 * pdfcrypt.c - PDF's standard security handler (ISO 32000-2, 7.6.4).
 *
 * Only the empty password is tried, first as the user password, then as
 * the owner password: that is what a reader does when it opens a file
 * without asking.  A file that needs a real password is reported as such;
 * poppler, which reads the text, would refuse it too.
 */
#include <string.h>

#include "pdfcrypt.h"
#include "pdfcrypto.h"

static const unsigned char password_pad[32] = {
	0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56,
	0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80,
	0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a
};

struct handler {
	int		 revision;
	size_t		 keylen;
	const struct pdf_obj *o;
	const struct pdf_obj *u;
	long long	 p;
	const struct pdf_obj *id0;
	int		 encrypt_metadata;
};

/* A string entry of at least n bytes, or NULL. */
static const unsigned char *
string_of(const struct pdf_obj *o, size_t n)
{
	if (o == NULL || o->kind != PDF_STRING || o->u.str.len < n)
		return NULL;
	return (const unsigned char *)o->u.str.s;
}

/* Algorithm 2: the file key from a padded 32-byte password. */
static void
legacy_key(const struct handler *h, const unsigned char pw[32],
    unsigned char key[16])
{
	static const unsigned char no_metadata[4] = { 0xff, 0xff, 0xff, 0xff };
	unsigned char perm[4], digest[16];
	struct md5 m;
	int i;

	for (i = 0; i < 4; i++)
		perm[i] = (unsigned char)((unsigned long long)h->p >> (8 * i));
	md5_init(&m);
	md5_update(&m, pw, 32);
	md5_update(&m, string_of(h->o, 32), 32);
	md5_update(&m, perm, 4);
	if (h->id0 != NULL)
		md5_update(&m, h->id0->u.str.s, h->id0->u.str.len);
	if (h->revision >= 4 && !h->encrypt_metadata)
		md5_update(&m, no_metadata, 4);
	md5_final(&m, digest);
	if (h->revision >= 3)
		for (i = 0; i < 50; i++) {
			md5_init(&m);
			md5_update(&m, digest, h->keylen);
			md5_final(&m, digest);
		}
	memcpy(key, digest, h->keylen);
}

/* RC4 with the key XORed with i, as algorithms 5 and 7 repeat it. */
static void
rc4_xor(const unsigned char *key, size_t keylen, int i, unsigned char *data,
    size_t n)
{
	unsigned char k[16];
	size_t j;

	for (j = 0; j < keylen; j++)
		k[j] = key[j] ^ (unsigned char)i;
	rc4(k, keylen, data, n);
}

/* Algorithms 4 and 5: does this key decrypt /U as it should? */
static int
legacy_user_ok(const struct handler *h, const unsigned char key[16])
{
	const unsigned char *u = string_of(h->u, 32);
	unsigned char check[32];
	struct md5 m;
	int i;

	if (h->revision == 2) {
		memcpy(check, password_pad, 32);
		rc4(key, h->keylen, check, 32);
		return memcmp(check, u, 32) == 0;
	}
	md5_init(&m);
	md5_update(&m, password_pad, 32);
	if (h->id0 != NULL)
		md5_update(&m, h->id0->u.str.s, h->id0->u.str.len);
	md5_final(&m, check);
	for (i = 0; i < 20; i++)
		rc4_xor(key, h->keylen, i, check, 16);
	return memcmp(check, u, 16) == 0;
}

/* Algorithm 7: the user password hidden in /O under the owner's. */
static void
legacy_owner_to_user(const struct handler *h, unsigned char pw[32])
{
	unsigned char digest[16];
	struct md5 m;
	int i;

	md5_init(&m);
	md5_update(&m, password_pad, 32);
	md5_final(&m, digest);
	if (h->revision >= 3)
		for (i = 0; i < 50; i++) {
			md5_init(&m);
			md5_update(&m, digest, h->keylen);
			md5_final(&m, digest);
		}
	memcpy(pw, string_of(h->o, 32), 32);
	if (h->revision == 2) {
		rc4(digest, h->keylen, pw, 32);
		return;
	}
	for (i = 19; i >= 0; i--)
		rc4_xor(digest, h->keylen, i, pw, 32);
}

static int
legacy_open(const struct handler *h, struct pdf_crypt *c)
{
	unsigned char pw[32];

	legacy_key(h, password_pad, c->key);
	if (!legacy_user_ok(h, c->key)) {
		legacy_owner_to_user(h, pw);
		legacy_key(h, pw, c->key);
		if (!legacy_user_ok(h, c->key))
			return -1;
	}
	c->keylen = h->keylen;
	return 0;
}

/*
 * Algorithm 2.B (revision 6): SHA-256, -384 and -512 chosen by the data,
 * interleaved with AES-128, at least 64 rounds.  The password is empty.
 */
static void
hash_r6(const unsigned char salt[8], const unsigned char *udata,
    size_t ulen, unsigned char out[32])
{
	unsigned char k[64], block[64 * (64 + 48)], iv[16];
	size_t klen = 32, seq, n, i;
	struct sha256 s256;
	struct sha512 s512;
	struct aes aes;
	int round, sum;

	sha256_init(&s256);
	sha256_update(&s256, salt, 8);
	sha256_update(&s256, udata, ulen);
	sha256_final(&s256, k);
	for (round = 0;; round++) {
		seq = klen + ulen;
		for (n = 0; n < 64; n++) {
			memcpy(block + n * seq, k, klen);
			if (ulen > 0)
				memcpy(block + n * seq + klen, udata, ulen);
		}
		aes_init(&aes, k, 16);
		memcpy(iv, k + 16, 16);
		aes_cbc_encrypt(&aes, iv, block, 64 * seq);
		for (i = 0, sum = 0; i < 16; i++)
			sum += block[i];
		if (sum % 3 == 0) {
			sha256_init(&s256);
			sha256_update(&s256, block, 64 * seq);
			sha256_final(&s256, k);
			klen = 32;
		} else {
			if (sum % 3 == 1)
				sha384_init(&s512);
			else
				sha512_init(&s512);
			sha512_update(&s512, block, 64 * seq);
			klen = s512.outlen;
			sha512_final(&s512, k);
		}
		if (round >= 63 && block[64 * seq - 1] <= round - 31)
			break;
	}
	memcpy(out, k, 32);
}

static void
hash_aes256(int revision, const unsigned char salt[8],
    const unsigned char *udata, size_t ulen, unsigned char out[32])
{
	struct sha256 s;

	if (revision >= 6) {
		hash_r6(salt, udata, ulen, out);
		return;
	}
	sha256_init(&s);
	sha256_update(&s, salt, 8);
	sha256_update(&s, udata, ulen);
	sha256_final(&s, out);
}

/* Check one password entry (/U or /O) and unwrap the file key with it. */
static int
aes256_try(int revision, const unsigned char *entry, const unsigned char *udata,
    size_t ulen, const unsigned char *wrapped, unsigned char key[32])
{
	unsigned char hash[32], iv[16] = { 0 };
	struct aes aes;

	hash_aes256(revision, entry + 32, udata, ulen, hash);
	if (memcmp(hash, entry, 32) != 0)
		return -1;
	hash_aes256(revision, entry + 40, udata, ulen, hash);
	memcpy(key, wrapped, 32);
	aes_init(&aes, hash, 32);
	aes_cbc_decrypt(&aes, iv, key, 32);
	return 0;
}

static int
aes256_open(const struct pdf_obj *enc, int revision, struct pdf_crypt *c)
{
	const unsigned char *u = string_of(pdf_dict_get(enc, "U"), 48);
	const unsigned char *o = string_of(pdf_dict_get(enc, "O"), 48);
	const unsigned char *ue = string_of(pdf_dict_get(enc, "UE"), 32);
	const unsigned char *oe = string_of(pdf_dict_get(enc, "OE"), 32);

	if (u == NULL || o == NULL || ue == NULL || oe == NULL)
		return -1;
	c->keylen = 32;
	if (aes256_try(revision, u, NULL, 0, ue, c->key) == 0)
		return 0;
	return aes256_try(revision, o, u, 48, oe, c->key);
}

/* The cipher the crypt filter named by /StmF uses (V4 and V5). */
static enum pdf_cipher
stream_cipher(const struct pdf_obj *enc)
{
	const struct pdf_obj *name = pdf_dict_get(enc, "StmF"), *cf, *method;

	if (name->kind != PDF_NAME || pdf_is_name(name, "Identity"))
		return CIPHER_NONE;
	cf = pdf_dict_get(pdf_dict_get(enc, "CF"), name->u.str.s);
	method = pdf_dict_get(cf, "CFM");
	if (pdf_is_name(method, "V2"))
		return CIPHER_RC4;
	if (pdf_is_name(method, "AESV2") || pdf_is_name(method, "AESV3"))
		return CIPHER_AES;
	return CIPHER_NONE;
}

static int
key_length(const struct pdf_obj *enc, int version)
{
	long long bits = pdf_int(pdf_dict_get(enc, "Length"), 40);

	if (version == 4) {
		const struct pdf_obj *name = pdf_dict_get(enc, "StmF");
		const struct pdf_obj *cf = pdf_dict_get(pdf_dict_get(enc,
		    "CF"), name->kind == PDF_NAME ? name->u.str.s : "");

		bits = pdf_int(pdf_dict_get(cf, "Length"), 128);
		/* Some writers give the crypt filter's length in bytes. */
		if (bits <= 16)
			bits *= 8;
	}
	if (bits < 40 || bits > 128)
		bits = version == 1 ? 40 : 128;
	return (int)(bits / 8);
}

enum pdf_crypt_status
pdf_crypt_open(struct pdf_crypt *c, const struct pdf_obj *enc,
    const struct pdf_obj *id, struct buf *err)
{
	const struct pdf_obj *filter = pdf_dict_get(enc, "Filter");
	const struct pdf_obj *meta = pdf_dict_get(enc, "EncryptMetadata");
	long long version = pdf_int(pdf_dict_get(enc, "V"), 0);
	struct handler h;

	memset(c, 0, sizeof(*c));
	if (!pdf_is_name(filter, "Standard")) {
		buf_printf(err, "security handler /%s is not supported",
		    filter->kind == PDF_NAME ? filter->u.str.s : "?");
		return CRYPT_UNSUPPORTED;
	}
	memset(&h, 0, sizeof(h));
	h.revision = (int)pdf_int(pdf_dict_get(enc, "R"), 0);
	c->revision = h.revision;
	if (version == 5 && (h.revision == 5 || h.revision == 6)) {
		c->stream_cipher = stream_cipher(enc);
		if (aes256_open(enc, h.revision, c) == -1)
			return CRYPT_PASSWORD;
		return CRYPT_OK;
	}
	if (version < 1 || version > 4 || h.revision < 2 || h.revision > 4) {
		buf_printf(err, "encryption V%lld R%d is not supported",
		    version, h.revision);
		return CRYPT_UNSUPPORTED;
	}
	h.keylen = h.revision == 2 ? 5 : (size_t)key_length(enc, (int)version);
	h.o = pdf_dict_get(enc, "O");
	h.u = pdf_dict_get(enc, "U");
	h.p = pdf_int(pdf_dict_get(enc, "P"), 0);
	h.id0 = pdf_array_get(id, 0);
	if (h.id0->kind != PDF_STRING)
		h.id0 = NULL;
	h.encrypt_metadata = meta->kind != PDF_BOOL || meta->u.boolean;
	if (string_of(h.o, 32) == NULL || string_of(h.u, 32) == NULL) {
		buf_adds(err, "encryption dictionary lacks /O or /U");
		return CRYPT_UNSUPPORTED;
	}
	c->stream_cipher = version == 4 ? stream_cipher(enc) : CIPHER_RC4;
	if (legacy_open(&h, c) == -1)
		return CRYPT_PASSWORD;
	return CRYPT_OK;
}

/* Algorithm 1: the key for one object. */
static size_t
object_key(const struct pdf_crypt *c, uint32_t num, uint16_t gen,
    unsigned char key[32])
{
	unsigned char extra[9] = {
		(unsigned char)num, (unsigned char)(num >> 8),
		(unsigned char)(num >> 16), (unsigned char)gen,
		(unsigned char)(gen >> 8), 's', 'A', 'l', 'T'
	};
	struct md5 m;

	if (c->revision >= 5) {
		memcpy(key, c->key, 32);
		return 32;
	}
	md5_init(&m);
	md5_update(&m, c->key, c->keylen);
	md5_update(&m, extra, c->stream_cipher == CIPHER_AES ? 9 : 5);
	md5_final(&m, key);
	return c->keylen + 5 < 16 ? c->keylen + 5 : 16;
}

/* Decrypt a stream's bytes in place. */
void
pdf_crypt_stream(const struct pdf_crypt *c, uint32_t num, uint16_t gen,
    struct buf *data)
{
	unsigned char key[32], iv[16];
	size_t keylen, n;
	struct aes aes;
	unsigned pad;

	if (c->stream_cipher == CIPHER_NONE)
		return;
	keylen = object_key(c, num, gen, key);
	if (c->stream_cipher == CIPHER_RC4) {
		rc4(key, keylen, (unsigned char *)data->s, data->len);
		return;
	}
	if (data->len < 32) {
		data->len = 0;
		data->s[0] = '\0';
		return;
	}
	memcpy(iv, data->s, 16);
	n = (data->len - 16) & ~(size_t)15;
	memmove(data->s, data->s + 16, n);
	aes_init(&aes, key, keylen);
	aes_cbc_decrypt(&aes, iv, (unsigned char *)data->s, n);
	pad = (unsigned char)data->s[n - 1];
	if (pad >= 1 && pad <= 16)
		n -= pad;
	data->len = n;
	data->s[n] = '\0';
}
