/*
 * pdfcrypto.h - the hashes and ciphers of PDF's standard security handler.
 *
 * Many report PDFs are "encrypted" only to forbid copying or printing: the
 * user password is empty and any reader opens them.  Their content streams
 * are still enciphered, so reading the ruling lines needs MD5 and RC4 (the
 * 40- and 128-bit handlers), AES-128 (AESV2) and AES-256 with SHA-2
 * (AESV3, PDF 2.0).  These are the textbook algorithms (RFC 1321, FIPS
 * 180-4, FIPS 197), written for clarity, not speed: they run over a few
 * content streams per page.
 */
#ifndef RETABLE_PDFCRYPTO_H
#define RETABLE_PDFCRYPTO_H

#include <stddef.h>
#include <stdint.h>

struct md5 {
	uint32_t	 h[4];
	uint64_t	 len;
	unsigned char	 block[64];
	size_t		 fill;
};

void	 md5_init(struct md5 *);
void	 md5_update(struct md5 *, const void *, size_t);
void	 md5_final(struct md5 *, unsigned char[16]);

struct sha256 {
	uint32_t	 h[8];
	uint64_t	 len;
	unsigned char	 block[64];
	size_t		 fill;
};

void	 sha256_init(struct sha256 *);
void	 sha256_update(struct sha256 *, const void *, size_t);
void	 sha256_final(struct sha256 *, unsigned char[32]);

/* SHA-512, and SHA-384 which is SHA-512 started elsewhere and cut short. */
struct sha512 {
	uint64_t	 h[8];
	uint64_t	 len;
	unsigned char	 block[128];
	size_t		 fill;
	size_t		 outlen;
};

void	 sha512_init(struct sha512 *);
void	 sha384_init(struct sha512 *);
void	 sha512_update(struct sha512 *, const void *, size_t);
void	 sha512_final(struct sha512 *, unsigned char *);

void	 rc4(const unsigned char *key, size_t keylen, unsigned char *,
	    size_t);

struct aes {
	uint32_t	 rk[60];
	int		 rounds;
};

void	 aes_init(struct aes *, const unsigned char *key, size_t keylen);
void	 aes_encrypt_block(const struct aes *, unsigned char[16]);
void	 aes_decrypt_block(const struct aes *, unsigned char[16]);
void	 aes_cbc_encrypt(const struct aes *, unsigned char iv[16],
	    unsigned char *, size_t);
void	 aes_cbc_decrypt(const struct aes *, unsigned char iv[16],
	    unsigned char *, size_t);

#endif
