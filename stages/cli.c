/*
 * cli.c - options, inputs, errors and exit codes shared by every program.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rxcache.h"

void
cli_init(struct cli *cli, const char *prog, const char *usage, int argc,
    char **argv)
{
	memset(cli, 0, sizeof(*cli));
	cli->prog = prog;
	cli->usage = usage;
	cli->argv0 = argc > 0 ? argv[0] : prog;
}

void
cli_usage_error(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n",
	    cli->prog);
	exit(2);
}

/*
 * getopt_long, with --help, --version and --rules handled here.  Returns
 * the program's own options; -1 when they are done.
 */
int
cli_getopt(struct cli *cli, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	int c;

	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, shortopts, longopts, NULL);
		switch (c) {
		case 'h':
			fputs(cli->usage, stdout);
			exit(0);
		case 'V':
			printf("%s (retable) %s\n", cli->prog,
			    RETABLE_VERSION);
			exit(0);
		case CLI_OPT_RULES:
			cli->rules_dir = optarg;
			continue;
		case '?':
			if (optopt)
				cli_usage_error(cli, "unknown option '-%c'",
				    optopt);
			cli_usage_error(cli, "unknown option '%s'",
			    argv[optind - 1]);
		case ':':
			cli_usage_error(cli, "option '%s' needs an argument",
			    argv[optind - 1]);
		default:
			return c;
		}
	}
}

/* The operands left after the options; none means standard input. */
void
cli_set_inputs(struct cli *cli, int argc, char **argv)
{
	static char *stdin_only[] = { "-" };

	if (optind < argc) {
		cli->inputs = argv + optind;
		cli->ninputs = argc - optind;
	} else {
		cli->inputs = stdin_only;
		cli->ninputs = 1;
	}
}

/* Load the rules once; a broken rules directory is a usage problem. */
int
cli_load_rules(struct cli *cli)
{
	struct buf err = BUF_INIT;
	const char *dir;

	if (cli->rules_loaded)
		return 0;
	dir = rules_default_dir(cli->argv0, cli->rules_dir);
	if (rules_load(&cli->rules, dir, &err) == -1) {
		fprintf(stderr, "%s: %s\n", cli->prog, buf_str(&err));
		buf_free(&err);
		exit(2);
	}
	buf_free(&err);
	cli->rules_loaded = 1;
	rxcache_open(cli->prog, cli->rules.hash);
	return 0;
}

void
cli_error(struct cli *cli, const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", cli->prog,
	    file && strcmp(file, "-") != 0 ? file : "(stdin)");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli->failed = 1;
}

/* Flush the output and turn what happened into the exit status. */
int
cli_exit(struct cli *cli)
{
	if (out_finish(&cli->out) == -1) {
		fprintf(stderr, "%s: write error on standard output\n",
		    cli->prog);
		cli->failed = 1;
	}
	if (cli->rules_loaded) {
		/* After the output is out: the next stage need not wait. */
		rxcache_close();
		rules_free(&cli->rules);
	}
	return cli->failed || cli->upstream_failed ? 1 : 0;
}

/*
 * Open an input that must be a record stream and consume its header.
 * Returns 0, or -1 after reporting what is wrong.
 */
int
cli_open_stream(struct cli *cli, const char *path, struct lineio *in)
{
	const char *line;
	size_t len;
	int r, v;

	if (lineio_open(in, path) == -1) {
		cli_error(cli, path, "%s", buf_str(&in->err));
		lineio_close(in);
		return -1;
	}
	r = lineio_read(in, &line, &len);
	if (r < 0) {
		cli_error(cli, path, "%s", buf_str(&in->err));
		lineio_close(in);
		return -1;
	}
	if (r == 0) {
		cli_error(cli, path, "empty input, expected a retable stream");
		lineio_close(in);
		return -1;
	}
	v = stream_header_version(line, len);
	if (v == 0) {
		cli_error(cli, path, "not a retable stream (plain text "
		    "enters the pipeline at dehyphenate)");
		lineio_close(in);
		return -1;
	}
	if (v > STREAM_VERSION) {
		cli_error(cli, path, "stream version %d is newer than this "
		    "program reads (%d)", v, STREAM_VERSION);
		lineio_close(in);
		return -1;
	}
	return 0;
}

/* Say which rules this stage applied: "rules<TAB>hash<TAB>stage". */
void
cli_emit_rules(struct cli *cli, const char *stage)
{
	struct buf b = BUF_INIT;

	rec_begin(&b, "rules");
	rec_text(&b, cli->rules.hash);
	rec_text(&b, stage);
	rec_end(&b);
	out_put(&cli->out, &b);
	buf_free(&b);
}

/*
 * An error record from upstream: pass it on and remember it, so the exit
 * status of the last program in a pipeline tells that something failed.
 * Upstream already printed the message; it is not printed again.
 */
int
cli_pass_error(struct cli *cli, const struct rec *r)
{
	struct buf b = BUF_INIT;
	int i;

	rec_begin(&b, "error");
	for (i = 1; i < r->nf; i++)
		rec_text(&b, r->f[i]);
	rec_end(&b);
	out_put(&cli->out, &b);
	buf_free(&b);
	cli->upstream_failed = 1;
	return 0;
}

/* Report a bad input on stderr and in the stream. */
void
cli_emit_error(struct cli *cli, const char *source, const char *msg)
{
	struct buf b = BUF_INIT;

	cli_error(cli, source, "%s", msg);
	rec_begin(&b, "error");
	rec_text(&b, source);
	rec_text(&b, cli->prog);
	rec_text(&b, msg);
	rec_end(&b);
	out_put(&cli->out, &b);
	buf_free(&b);
}
