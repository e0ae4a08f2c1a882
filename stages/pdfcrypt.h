/*
 * pdfcrypt.h - PDF's standard security handler, for documents that open
 * without a password (an empty user password, or an empty owner one).
 */
#ifndef RETABLE_PDFCRYPT_H
#define RETABLE_PDFCRYPT_H

#include <stdint.h>

#include "buf.h"
#include "pdfobj.h"

enum pdf_cipher {
	CIPHER_NONE,
	CIPHER_RC4,
	CIPHER_AES
};

struct pdf_crypt {
	enum pdf_cipher	 stream_cipher;
	int		 revision;
	unsigned char	 key[32];
	size_t		 keylen;
};

enum pdf_crypt_status {
	CRYPT_OK,
	CRYPT_PASSWORD,		/* needs a password we do not have */
	CRYPT_UNSUPPORTED	/* a handler or method we do not know */
};

enum pdf_crypt_status pdf_crypt_open(struct pdf_crypt *,
	    const struct pdf_obj *encrypt, const struct pdf_obj *id,
	    struct buf *err);
void	 pdf_crypt_stream(const struct pdf_crypt *, uint32_t num,
	    uint16_t gen, struct buf *data);

#endif
