/*
 * cli.h - what every program shares: options, inputs, errors, exit codes.
 *
 * Exit status: 0 when every input was read and every record written, 1 when
 * an input was bad (reported as "program: file: what is wrong" and skipped,
 * the other inputs still processed), 2 on a usage error.
 */
#ifndef RETABLE_CLI_H
#define RETABLE_CLI_H

#include <getopt.h>

#include "buf.h"
#include "lineio.h"
#include "rules.h"
#include "stream.h"

#ifndef RETABLE_VERSION
#define RETABLE_VERSION "0.0.0"
#endif

#define CLI_OPT_RULES	0x100

#define CLI_COMMON_LONGOPTS					\
	{ "help",    no_argument,       NULL, 'h' },		\
	{ "version", no_argument,       NULL, 'V' },		\
	{ "rules",   required_argument, NULL, CLI_OPT_RULES }

struct cli {
	const char	 *prog;
	const char	 *usage;	/* the whole --help text */
	const char	 *argv0;
	const char	 *rules_dir;	/* from --rules, or NULL */
	char		**inputs;
	int		  ninputs;
	int		  failed;	/* an input was bad */
	int		  upstream_failed; /* an error record came through */
	struct out	  out;
	struct rules	  rules;
	int		  rules_loaded;
};

void	 cli_init(struct cli *, const char *prog, const char *usage,
	    int argc, char **argv);
int	 cli_getopt(struct cli *, int, char **, const char *,
	    const struct option *);
void	 cli_usage_error(struct cli *, const char *, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
void	 cli_set_inputs(struct cli *, int, char **);
int	 cli_load_rules(struct cli *);
void	 cli_error(struct cli *, const char *file, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int	 cli_exit(struct cli *);

int	 cli_open_stream(struct cli *, const char *path, struct lineio *);
void	 cli_emit_rules(struct cli *, const char *stage);
int	 cli_pass_error(struct cli *, const struct rec *);
void	 cli_emit_error(struct cli *, const char *source, const char *msg);

#endif
