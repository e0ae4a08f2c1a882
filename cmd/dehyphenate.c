/*
 * dehyphenate - rejoin what line breaks split.
 */
#include "cli.h"
#include "dehyphenate.h"

static const char usage[] =
"usage: dehyphenate [--rules DIR] [FILE ...]\n"
"\n"
"Read a plain text dump of a report, or the record stream from pdf2text\n"
"(files or standard input, gzip or not), and write the record stream with\n"
"what line breaks split rejoined: wrapped cells and sentences, numbers cut\n"
"by a break or a stray space (\"14.7\" + \"0\", \"2230. 80\"), codes split\n"
"over lines, headers printed one character per line, hyphenated words.\n"
"Form feeds and page numbers (\"18 / 54\") become page records.\n"
"\n"
"  --rules DIR     read the rules from DIR instead of the installed ones\n"
"  -h, --help      this text\n"
"  -V, --version   the version\n"
"\n"
"Exit status: 0 on success, 1 if an input was bad, 2 on a usage error.\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli cli;

	cli_init(&cli, "dehyphenate", usage, argc, argv);
	while (cli_getopt(&cli, argc, argv, "hV", longopts) != -1)
		;
	cli_set_inputs(&cli, argc, argv);
	return dehyphenate_run(&cli);
}
