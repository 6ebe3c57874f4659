/* cmd_faq.c - `dyad faq`: the article FAQ (issue 5). */
#include "commands.h"

#include <stdio.h>

int cmd_faq(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "dyad: faq is not available yet\n");
	return 2;
}
