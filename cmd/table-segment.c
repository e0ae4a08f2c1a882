/*
 * table-segment - find where each table begins and ends.
 */
#include "cli.h"
#include "segment.h"

static const char usage[] =
"usage: table-segment [--rules DIR] [FILE ...]\n"
"\n"
"Read the record stream from dehyphenate (files or standard input, gzip\n"
"or not) and mark each table: its caption (code, title, unit, entity),\n"
"header, body and notes.  Page furniture is dropped; a table continued on\n"
"the next page is joined into one, its repeated header dropped.\n"
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

	cli_init(&cli, "table-segment", usage, argc, argv);
	while (cli_getopt(&cli, argc, argv, "hV", longopts) != -1)
		;
	cli_set_inputs(&cli, argc, argv);
	return segment_run(&cli);
}
