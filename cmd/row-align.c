/*
 * row-align - turn each table into a grid of header and body cells.
 */
#include "cli.h"
#include "rowalign.h"

static const char usage[] =
"usage: row-align [--rules DIR] [FILE ...]\n"
"\n"
"Read the record stream from table-segment (files or standard input, gzip\n"
"or not) and rebuild each table as a grid: header rows with merged cells,\n"
"body rows, each value in its column.  With geometry (spans and ruling\n"
"lines) it uses positions; on text without geometry it uses the table\n"
"family's layout from the rules and the table's own arithmetic.  The\n"
"family's identities are checked on every row.\n"
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

	cli_init(&cli, "row-align", usage, argc, argv);
	while (cli_getopt(&cli, argc, argv, "hV", longopts) != -1)
		;
	cli_set_inputs(&cli, argc, argv);
	return rowalign_run(&cli);
}
