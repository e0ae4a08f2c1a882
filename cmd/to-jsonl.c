/*
 * to-jsonl - write the tables of a retable stream as JSON Lines.
 */
#include "cli.h"
#include "tojsonl.h"

static const char usage[] =
"usage: to-jsonl [--cells] [FILE ...]\n"
"\n"
"Read the record stream from row-align (files or standard input, gzip or\n"
"not) and write JSON Lines: for each table a table record, then one record\n"
"per body row (see README.md, \"The output\").\n"
"\n"
"  -c, --cells     one record per grid cell instead, the scorer's form\n"
"  -h, --help      this text\n"
"  -V, --version   the version\n"
"\n"
"Exit status: 0 on success, 1 if an input was bad (or an upstream stage\n"
"reported a bad input), 2 on a usage error.\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "cells", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli cli;
	enum tojsonl_form form = TOJSONL_RECORDS;
	int c;

	cli_init(&cli, "to-jsonl", usage, argc, argv);
	while ((c = cli_getopt(&cli, argc, argv, "chV", longopts)) != -1) {
		if (c == 'c')
			form = TOJSONL_CELLS;
	}
	cli_set_inputs(&cli, argc, argv);
	return tojsonl_run(&cli, form);
}
