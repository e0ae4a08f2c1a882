/*
 * pdf2text - PDF files to the record stream: pages, text spans, rulings.
 */
#include "cli.h"
#include "pdf2text.h"

static const char usage[] =
"usage: pdf2text [-z] [FILE.pdf ...]\n"
"\n"
"Read each PDF (or standard input; gzip-compressed or not) and write the\n"
"record stream: for each file a doc record, then page by page a page\n"
"record, the text spans with their boxes, font and size, and the ruling\n"
"lines.  Coordinates are points from the top-left corner of the page as\n"
"it is read, pages turned upright.\n"
"\n"
"  -z, --gzip      compress the output with gzip\n"
"  -h, --help      this text\n"
"  -V, --version   the version\n"
"\n"
"Exit status: 0 on success, 1 if an input was bad, 2 on a usage error.\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "gzip", no_argument, NULL, 'z' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli cli;
	int c, gzip = 0;

	cli_init(&cli, "pdf2text", usage, argc, argv);
	while ((c = cli_getopt(&cli, argc, argv, "zhV", longopts)) != -1) {
		if (c == 'z')
			gzip = 1;
	}
	cli_set_inputs(&cli, argc, argv);
	return pdf2text_run(&cli, gzip);
}
