/* commands.h - the dyad subcommands, one file each under cli/; main.c dispatches. Each takes
 * the arguments after its name and returns the exit status (see main.c). */
#ifndef DYAD_COMMANDS_H
#define DYAD_COMMANDS_H

int cmd_dict(int argc, char **argv);
int cmd_faq(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
