/* cmd_validate.c - `dyad validate`: PETRARCH and TABARI validation suites (issue 4). */
#include "commands.h"

#include <stdio.h>

int cmd_validate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "dyad: validate is not available yet\n");
	return 2;
}
