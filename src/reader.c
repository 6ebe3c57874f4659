/* reader.c - reads dated documents from plain article files and JSON Lines, gzip or not. */
#include "dyad.h"

#include <cjson/cJSON.h>
#include <zlib.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes asked of zlib per read; the buffer grows by doubling, so a line or file of n bytes costs
 * O(n) copying however it is split across reads. */
#define READ_CHUNK (64u << 10)
#define GROW_MAX ((size_t)DYAD_MAX_DOC_BYTES + 2 * READ_CHUNK)

/* Words a trailing heading ("FAQ", "Related articles") may have. */
#define HEADING_MAX_WORDS 6

typedef struct path_list {
	char **items;
	size_t len, cap;
} path_list;

struct dyad_reader {
	dyad_input_format format;
	int has_default;
	int32_t default_date;

	/* Paths are read depth-first: entries of a walked directory go on a stack (the next one
	 * last) and are all read before the next path queued by dyad_reader_add. */
	path_list queue;
	size_t queue_next;
	path_list stack;

	/* The open file. */
	gzFile gz;
	char *path;       /* current path (owned): doc->source, plain document id, err.file */
	int eof;
	long line;        /* lines of the current file consumed so far */
	uint64_t raw;     /* uncompressed bytes read from the current file */

	/* Bytes of the current file read but not yet consumed are buf[pos..len); a JSON line is
	 * searched for a newline from scan on. A plain file is held whole in buf[0..len). */
	char *buf;
	size_t cap, len, pos, scan;

	cJSON *record;    /* the last JSON record; the doc points into its strings */
	char *id;         /* formatted id of the last JSON record when it is not a string */
	size_t id_cap;

	uint64_t done;    /* bytes of the files closed so far */
	uint64_t total;
};

static dyad_status fail(dyad_error *err, dyad_status status, const char *file, long line,
                        long column, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

static dyad_status fail(dyad_error *err, dyad_status status, const char *file, long line,
                        long column, const char *id, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	memset(err, 0, sizeof(*err));
	snprintf(err->file, sizeof(err->file), "%s", file != NULL ? file : "");
	snprintf(err->id, sizeof(err->id), "%s", id != NULL ? id : "");
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return status;
}

static char *dup_string(const char *s)
{
	size_t n = strlen(s) + 1;
	char *copy = malloc(n);

	if (copy != NULL)
		memcpy(copy, s, n);
	return copy;
}

static dyad_status list_push(path_list *list, char *path)
{
	if (list->len == list->cap) {
		size_t cap = list->cap != 0 ? list->cap * 2 : 16;
		char **items = realloc(list->items, cap * sizeof(*items));

		if (items == NULL)
			return DYAD_ENOMEM;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->len++] = path;
	return DYAD_OK;
}

static void list_free(path_list *list)
{
	for (size_t i = 0; i < list->len; i++)
		free(list->items[i]);
	free(list->items);
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_bom(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	       (unsigned char)s[2] == 0xBF;
}

/* Offset of the first byte of the first ill-formed UTF-8 sequence in s[0..n), or n. Rejects
 * overlong forms, surrogates and code points above U+10FFFF (Unicode table 3-7). */
static size_t utf8_invalid(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		unsigned lo = 0x80, hi = 0xBF;
		size_t len;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c == 0xE0) {
			len = 3;
			lo = 0xA0;
		} else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
			len = 3;
		} else if (c == 0xED) {
			len = 3;
			hi = 0x9F;
		} else if (c == 0xF0) {
			len = 4;
			lo = 0x90;
		} else if (c >= 0xF1 && c <= 0xF3) {
			len = 4;
		} else if (c == 0xF4) {
			len = 4;
			hi = 0x8F;
		} else {
			return i;
		}
		if (n - i < len || s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		}
		i += len;
	}
	return n;
}

/* ---------------------------------------------------------------- files */

static dyad_status grow(dyad_reader *r, size_t need)
{
	size_t cap = r->cap != 0 ? r->cap : READ_CHUNK;
	char *buf;

	if (need <= r->cap)
		return DYAD_OK;
	while (cap < need)
		cap *= 2;
	/* A line or file may not exceed the limit by more than a read, so a doubling past it
	 * would only waste memory. */
	if (need <= GROW_MAX && cap > GROW_MAX)
		cap = GROW_MAX;
	buf = realloc(r->buf, cap);
	if (buf == NULL)
		return DYAD_ENOMEM;
	r->buf = buf;
	r->cap = cap;
	return DYAD_OK;
}

/* Appends up to READ_CHUNK bytes of the current file to buf; sets eof at the end. */
static dyad_status fill(dyad_reader *r, dyad_error *err)
{
	int n, errnum = Z_OK;
	const char *msg;

	if (grow(r, r->len + READ_CHUNK) != DYAD_OK)
		return fail(err, DYAD_ENOMEM, r->path, r->line, 0, NULL, "out of memory");
	n = gzread(r->gz, r->buf + r->len, READ_CHUNK);
	if (n > 0) {
		r->len += (size_t)n;
		r->raw += (uint64_t)n;
		return DYAD_OK;
	}
	msg = gzerror(r->gz, &errnum);
	if (n < 0 || errnum != Z_OK) {
		if (errnum == Z_ERRNO)
			msg = strerror(errno);
		return fail(err, DYAD_EIO, r->path, r->line, 0, NULL, "read error: %s", msg);
	}
	r->eof = 1;
	return DYAD_OK;
}

static void close_file(dyad_reader *r)
{
	z_off_t offset;

	if (r->gz == NULL)
		return;
	/* gzoffset counts compressed bytes; it fails on pipes, where the plain count must do. */
	offset = gzoffset(r->gz);
	r->done += offset >= 0 ? (uint64_t)offset : r->raw;
	gzclose(r->gz);
	r->gz = NULL;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name)
{
	size_t dn = strlen(dir), nn = strlen(name);
	int slash = dn > 0 && dir[dn - 1] != '/';
	char *path = malloc(dn + (size_t)slash + nn + 1);

	if (path == NULL)
		return NULL;
	memcpy(path, dir, dn);
	if (slash)
		path[dn] = '/';
	memcpy(path + dn + (size_t)slash, name, nn + 1);
	return path;
}

/* Pushes the regular files and subdirectories of r->path so that the first by name is read
 * next. Symbolic links to files are followed, links to directories are not, so a walk cannot
 * loop. */
static dyad_status walk(dyad_reader *r, dyad_error *err)
{
	DIR *dir = opendir(r->path);
	path_list names = {NULL, 0, 0};
	dyad_status status = DYAD_OK;

	if (dir == NULL)
		return fail(err, DYAD_EIO, r->path, 0, 0, NULL, "cannot open directory: %s",
		            strerror(errno));
	for (;;) {
		struct dirent *entry;
		char *name;

		errno = 0;
		entry = readdir(dir);
		if (entry == NULL) {
			if (errno != 0)
				status = fail(err, DYAD_EIO, r->path, 0, 0, NULL,
				              "cannot read directory: %s", strerror(errno));
			break;
		}
		if (entry->d_name[0] == '.')
			continue;
		name = dup_string(entry->d_name);
		if (name == NULL || list_push(&names, name) != DYAD_OK) {
			free(name);
			status = fail(err, DYAD_ENOMEM, r->path, 0, 0, NULL, "out of memory");
			break;
		}
	}
	closedir(dir);
	if (status == DYAD_OK && names.len > 0)
		qsort(names.items, names.len, sizeof(*names.items), compare_names);
	for (size_t i = names.len; status == DYAD_OK && i > 0; i--) {
		char *path = join_path(r->path, names.items[i - 1]);
		struct stat st;

		if (path == NULL) {
			status = fail(err, DYAD_ENOMEM, r->path, 0, 0, NULL, "out of memory");
			break;
		}
		if (lstat(path, &st) != 0 ||
		    (S_ISLNK(st.st_mode) && (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))) {
			free(path);
			continue;
		}
		if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
			free(path);
			continue;
		}
		if (list_push(&r->stack, path) != DYAD_OK) {
			free(path);
			status = fail(err, DYAD_ENOMEM, r->path, 0, 0, NULL, "out of memory");
			break;
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0)
			r->total += (uint64_t)st.st_size;
	}
	list_free(&names);
	return status;
}

/* Opens the next file to read, walking directories on the way. Returns DYAD_DONE when no path
 * is left; an error leaves nothing open and the next call goes on with the following path. */
static dyad_status open_next(dyad_reader *r, dyad_error *err)
{
	for (;;) {
		struct stat st;
		int fd;

		free(r->path);
		r->path = NULL;
		if (r->stack.len > 0) {
			r->path = r->stack.items[--r->stack.len];
		} else if (r->queue_next < r->queue.len) {
			r->path = r->queue.items[r->queue_next];
			r->queue.items[r->queue_next++] = NULL;
		} else {
			return DYAD_DONE;
		}
		r->len = r->pos = r->scan = 0;
		r->line = 0;
		r->eof = 0;
		r->raw = 0;
		if (strcmp(r->path, "-") == 0) {
			fd = dup(STDIN_FILENO);
			if (fd < 0)
				return fail(err, DYAD_EIO, r->path, 0, 0, NULL,
				            "cannot read standard input: %s", strerror(errno));
			r->gz = gzdopen(fd, "rb");
			if (r->gz == NULL) {
				close(fd);
				return fail(err, DYAD_ENOMEM, r->path, 0, 0, NULL, "out of memory");
			}
		} else {
			if (stat(r->path, &st) != 0)
				return fail(err, DYAD_EIO, r->path, 0, 0, NULL, "cannot open: %s",
				            strerror(errno));
			if (S_ISDIR(st.st_mode)) {
				dyad_status status = walk(r, err);

				if (status != DYAD_OK)
					return status;
				continue;
			}
			errno = 0;
			r->gz = gzopen(r->path, "rb");
			if (r->gz == NULL) {
				if (errno == 0)
					return fail(err, DYAD_ENOMEM, r->path, 0, 0, NULL, "out of memory");
				return fail(err, DYAD_EIO, r->path, 0, 0, NULL, "cannot open: %s",
				            strerror(errno));
			}
		}
		(void)gzbuffer(r->gz, 2 * READ_CHUNK);
		return DYAD_OK;
	}
}

/* Decides whether the open file is JSON Lines: its first byte other than white space and a
 * byte order mark is '{'. What was read to decide stays in buf. */
static dyad_status detect_jsonl(dyad_reader *r, int *jsonl, dyad_error *err)
{
	size_t i = 0;
	int bom_checked = 0;

	for (;;) {
		if (!bom_checked && (r->len >= 3 || r->eof)) {
			bom_checked = 1;
			if (is_bom(r->buf, r->len))
				i = 3;
		}
		if (bom_checked) {
			while (i < r->len && is_space((unsigned char)r->buf[i]))
				i++;
			if (i < r->len) {
				*jsonl = r->buf[i] == '{';
				return DYAD_OK;
			}
		}
		if (r->eof) {
			/* Only white space: read as JSON Lines, which gives no records. */
			*jsonl = 1;
			return DYAD_OK;
		}
		if (r->len > DYAD_MAX_DOC_BYTES) {
			*jsonl = 0;
			return DYAD_OK;
		}
		dyad_status status = fill(r, err);
		if (status != DYAD_OK)
			return status;
	}
}

/* ---------------------------------------------------------------- plain articles */

static int is_final_punct(const char *s, size_t start, size_t end, const char *marks)
{
	/* Closing quotes and brackets may follow the punctuation: `He said "no."` */
	while (end > start) {
		unsigned char c = (unsigned char)s[end - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']') {
			end--;
		} else if (end - start >= 3 && (unsigned char)s[end - 3] == 0xE2 &&
		           (unsigned char)s[end - 2] == 0x80 &&
		           ((unsigned char)s[end - 1] == 0x99 || (unsigned char)s[end - 1] == 0x9D)) {
			end -= 3; /* ’ and ” */
		} else {
			break;
		}
	}
	if (end == start)
		return 0;
	if (end - start >= 3 && memcmp(s + end - 3, "\xE2\x80\xA6", 3) == 0)
		return 1; /* … */
	return strchr(marks, s[end - 1]) != NULL && s[end - 1] != '\0';
}

static size_t trim_end(const char *s, size_t start, size_t end)
{
	while (end > start && is_space((unsigned char)s[end - 1]))
		end--;
	return end;
}

/* The end of s[start..end) without a trailing heading: a last line of at most
 * HEADING_MAX_WORDS words without sentence-final punctuation, after a blank line or after a
 * line that ends a sentence. A short last line after an unfinished line is the end of a
 * hard-wrapped paragraph and stays. end must follow a byte that is not white space. */
static size_t cut_heading(const char *s, size_t start, size_t end)
{
	size_t head = end, words = 0, prev_end, prev_start;

	while (head > start && s[head - 1] != '\n')
		head--;
	if (head == start)
		return end;
	for (size_t i = head; i < end; i++) {
		if (!is_space((unsigned char)s[i]) && (i == head || is_space((unsigned char)s[i - 1])))
			words++;
	}
	if (words > HEADING_MAX_WORDS || is_final_punct(s, head, end, ".!?:;"))
		return end;
	prev_end = trim_end(s, start, head - 1);
	prev_start = prev_end;
	while (prev_start > start && s[prev_start - 1] != '\n')
		prev_start--;
	/* The line before the heading is blank when trimming went past a newline. */
	if (memchr(s + prev_end, '\n', head - 1 - prev_end) == NULL &&
	    !is_final_punct(s, prev_start, prev_end, ".!?"))
		return end;
	return prev_end;
}

static void line_column(const char *s, size_t offset, long *line, long *column)
{
	size_t line_start = 0;
	long n = 1;

	for (size_t i = 0; i < offset; i++) {
		if (s[i] == '\n') {
			n++;
			line_start = i + 1;
		}
	}
	*line = n;
	*column = (long)(offset - line_start) + 1;
}

static dyad_status read_plain(dyad_reader *r, dyad_doc *doc, dyad_error *err)
{
	const char *s;
	size_t n, i = 0, bad, start, end;
	int32_t date = INT32_MIN;
	long line, column;

	for (;;) {
		dyad_status status;

		if (r->len > DYAD_MAX_DOC_BYTES)
			return fail(err, DYAD_ELIMIT, r->path, 0, 0, r->path,
			            "document larger than %u bytes", DYAD_MAX_DOC_BYTES);
		if (r->eof)
			break;
		status = fill(r, err);
		if (status != DYAD_OK)
			return status;
	}
	s = r->buf;
	n = r->len;
	bad = utf8_invalid(s, n);
	if (bad < n) {
		line_column(s, bad, &line, &column);
		return fail(err, DYAD_EUTF8, r->path, line, column, r->path,
		            "invalid UTF-8 (byte 0x%02X)", (unsigned)(unsigned char)s[bad]);
	}
	for (;;) {
		if (is_bom(s + i, n - i))
			i += 3;
		else if (i < n && is_space((unsigned char)s[i]))
			i++;
		else
			break;
	}
	/* The header is `date` and a token that starts with a digit; `date palms ...` is text. */
	if (n - i > 4 && memcmp(s + i, "date", 4) == 0 && is_space((unsigned char)s[i + 4])) {
		size_t j = i + 4, k;

		while (j < n && is_space((unsigned char)s[j]))
			j++;
		if (j < n && s[j] >= '0' && s[j] <= '9') {
			k = j;
			while (k < n && !is_space((unsigned char)s[k]))
				k++;
			date = dyad_date_parse(s + j, k - j);
			if (date == INT32_MIN) {
				line_column(s, j, &line, &column);
				return fail(err, DYAD_EDATE, r->path, line, column, r->path,
				            "bad date '%.*s'", (int)(k - j > 64 ? 64 : k - j), s + j);
			}
			i = k;
		}
	}
	if (date == INT32_MIN) {
		if (!r->has_default) {
			line_column(s, i, &line, &column);
			return fail(err, DYAD_EDATE, r->path, line, 0, r->path,
			            "no date header (use --date)");
		}
		date = r->default_date;
	}
	start = i;
	while (start < n && is_space((unsigned char)s[start]))
		start++;
	end = trim_end(s, start, n);
	if (end > start)
		end = cut_heading(s, start, end);
	memset(doc, 0, sizeof(*doc));
	doc->id = r->path;
	doc->date = date;
	doc->text = s + start;
	doc->text_len = end - start;
	doc->source = r->path;
	doc->line = 1;
	doc->text_offset = start;
	return DYAD_OK;
}

/* ---------------------------------------------------------------- JSON Lines */

/* The next line of the open file without its newline, valid until the next call. Returns
 * DYAD_DONE at the end of the file and DYAD_ELIMIT, having skipped the line, when it is longer
 * than DYAD_MAX_DOC_BYTES. */
static dyad_status next_line(dyad_reader *r, const char **line, size_t *len, dyad_error *err)
{
	int too_long = 0;

	for (;;) {
		const char *nl = memchr(r->buf + r->scan, '\n', r->len - r->scan);
		dyad_status status;

		if (nl != NULL || r->eof) {
			size_t end = nl != NULL ? (size_t)(nl - r->buf) : r->len;

			if (nl == NULL && r->pos == r->len && !too_long)
				return DYAD_DONE;
			if (end - r->pos > DYAD_MAX_DOC_BYTES)
				too_long = 1;
			*line = r->buf + r->pos;
			*len = end - r->pos;
			r->pos = r->scan = nl != NULL ? end + 1 : end;
			r->line++;
			return too_long ? DYAD_ELIMIT : DYAD_OK;
		}
		r->scan = r->len;
		if (r->len - r->pos > DYAD_MAX_DOC_BYTES) {
			too_long = 1;
			r->pos = r->scan = r->len;
		}
		if (r->pos > 0) {
			memmove(r->buf, r->buf + r->pos, r->len - r->pos);
			r->len -= r->pos;
			r->scan -= r->pos;
			r->pos = 0;
		}
		status = fill(r, err);
		if (status != DYAD_OK)
			return status;
	}
}

static int digits_at(const char *s, size_t n, size_t at, size_t count, int max)
{
	int v = 0;

	if (at + count > n)
		return 0;
	for (size_t i = at; i < at + count; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v <= max;
}

/* A date, or an ISO 8601 date-time whose date part is taken as it is written:
 * YYYY-MM-DD[(T| )hh:mm[:ss[(.|,)fraction]][Z|(+|-)hh[[:]mm]]]. */
static int32_t parse_date_time(const char *s, size_t n)
{
	int32_t date = dyad_date_parse(s, n < 10 ? n : 10);
	size_t i = 16;

	if (date == INT32_MIN || n == 10)
		return date;
	if (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
		return INT32_MIN;
	if (!digits_at(s, n, 11, 2, 23) || n < 14 || s[13] != ':' || !digits_at(s, n, 14, 2, 59))
		return INT32_MIN;
	if (i < n && s[i] == ':') {
		if (!digits_at(s, n, i + 1, 2, 60))
			return INT32_MIN;
		i += 3;
		if (i < n && (s[i] == '.' || s[i] == ',')) {
			size_t f = ++i;

			while (i < n && s[i] >= '0' && s[i] <= '9')
				i++;
			if (i == f)
				return INT32_MIN;
		}
	}
	if (i == n)
		return date;
	if (s[i] == 'Z' || s[i] == 'z')
		return i + 1 == n ? date : INT32_MIN;
	if (s[i] != '+' && s[i] != '-')
		return INT32_MIN;
	if (!digits_at(s, n, i + 1, 2, 23))
		return INT32_MIN;
	i += 3;
	if (i == n)
		return date;
	if (s[i] == ':')
		i++;
	if (!digits_at(s, n, i, 2, 59) || i + 2 != n)
		return INT32_MIN;
	return date;
}

/* Sets *id to the record's id, formatting numbers and making "FILE:LINE" when it is missing. */
static dyad_status record_id(dyad_reader *r, const cJSON *item, const char **id)
{
	int need;

	if (cJSON_IsString(item) && item->valuestring[0] != '\0') {
		*id = item->valuestring;
		return DYAD_OK;
	}
	for (;;) {
		if (cJSON_IsNumber(item)) {
			double v = item->valuedouble;

			/* Integers up to 2^53 print exactly; other numbers as the shortest exact form. */
			if (v >= -9007199254740992.0 && v <= 9007199254740992.0 &&
			    v == (double)(long long)v)
				need = snprintf(r->id, r->id_cap, "%lld", (long long)v);
			else
				need = snprintf(r->id, r->id_cap, "%.17g", v);
		} else {
			need = snprintf(r->id, r->id_cap, "%s:%ld", r->path, r->line);
		}
		if (need < 0)
			return DYAD_EINVAL;
		if ((size_t)need < r->id_cap)
			break;
		char *grown = realloc(r->id, (size_t)need + 1);
		if (grown == NULL)
			return DYAD_ENOMEM;
		r->id = grown;
		r->id_cap = (size_t)need + 1;
	}
	*id = r->id;
	return DYAD_OK;
}

/* Parses one line into doc. Returns DYAD_DONE for a blank line. */
static dyad_status read_record(dyad_reader *r, const char *line, size_t len, dyad_doc *doc,
                               dyad_error *err)
{
	const char *end = NULL, *id = NULL;
	const cJSON *item, *text, *title;
	size_t base = 0, bad, i;
	int32_t date;
	dyad_status status;

	if (r->line == 1 && is_bom(line, len))
		base = 3;
	while (len > base && is_space((unsigned char)line[len - 1]))
		len--;
	i = base;
	while (i < len && is_space((unsigned char)line[i]))
		i++;
	if (i == len)
		return DYAD_DONE;
	r->record = cJSON_ParseWithLengthOpts(line + base, len - base, &end, 0);
	if (r->record != NULL) {
		i = (size_t)(end - line);
		while (i < len && is_space((unsigned char)line[i]))
			i++;
		if (i < len) {
			cJSON_Delete(r->record);
			r->record = NULL;
			end = line + i;
		}
	}
	if (cJSON_IsObject(r->record)) {
		item = cJSON_GetObjectItemCaseSensitive(r->record, "id");
		if (item != NULL && !cJSON_IsString(item) && !cJSON_IsNumber(item) &&
		    !cJSON_IsNull(item))
			return fail(err, DYAD_ERECORD, r->path, r->line, 0, NULL,
			            "id must be a string or a number");
		status = record_id(r, item, &id);
		if (status != DYAD_OK)
			return fail(err, status, r->path, r->line, 0, NULL, "%s",
			            status == DYAD_ENOMEM ? "out of memory" : "cannot format the id");
	}
	bad = utf8_invalid(line, len);
	if (bad < len)
		return fail(err, DYAD_EUTF8, r->path, r->line, (long)bad + 1, id,
		            "invalid UTF-8 (byte 0x%02X)", (unsigned)(unsigned char)line[bad]);
	if (r->record == NULL) {
		long column = end != NULL && end >= line && end <= line + len ? (long)(end - line) + 1
		                                                                : 0;
		return fail(err, DYAD_EJSON, r->path, r->line, column, NULL, "malformed JSON");
	}
	if (!cJSON_IsObject(r->record))
		return fail(err, DYAD_EJSON, r->path, r->line, 0, NULL, "record is not a JSON object");

	item = cJSON_GetObjectItemCaseSensitive(r->record, "date");
	if (item == NULL || cJSON_IsNull(item))
		return fail(err, DYAD_EDATE, r->path, r->line, 0, id, "missing date");
	if (!cJSON_IsString(item))
		return fail(err, DYAD_EDATE, r->path, r->line, 0, id, "bad date (not a string)");
	date = parse_date_time(item->valuestring, strlen(item->valuestring));
	if (date == INT32_MIN)
		return fail(err, DYAD_EDATE, r->path, r->line, 0, id, "bad date '%.64s'",
		            item->valuestring);

	text = cJSON_GetObjectItemCaseSensitive(r->record, "text");
	if (text == NULL || cJSON_IsNull(text))
		return fail(err, DYAD_ERECORD, r->path, r->line, 0, id, "missing text");
	if (!cJSON_IsString(text))
		return fail(err, DYAD_ERECORD, r->path, r->line, 0, id, "text is not a string");
	title = cJSON_GetObjectItemCaseSensitive(r->record, "title");
	if (title != NULL && !cJSON_IsNull(title) && !cJSON_IsString(title))
		return fail(err, DYAD_ERECORD, r->path, r->line, 0, id, "title is not a string");
	if (!cJSON_IsString(title))
		title = NULL;

	/* The raw line is valid, but \u escapes decode to bytes of their own. */
	if (utf8_invalid(text->valuestring, strlen(text->valuestring)) !=
	    strlen(text->valuestring))
		return fail(err, DYAD_EUTF8, r->path, r->line, 0, id, "invalid UTF-8 in text");
	if (title != NULL && utf8_invalid(title->valuestring, strlen(title->valuestring)) !=
	                         strlen(title->valuestring))
		return fail(err, DYAD_EUTF8, r->path, r->line, 0, id, "invalid UTF-8 in title");

	memset(doc, 0, sizeof(*doc));
	doc->id = id;
	doc->date = date;
	if (title != NULL) {
		doc->title = title->valuestring;
		doc->title_len = strlen(title->valuestring);
	}
	doc->text = text->valuestring;
	doc->text_len = strlen(text->valuestring);
	doc->source = r->path;
	doc->line = r->line;
	doc->text_offset = 0;
	return DYAD_OK;
}

/* ---------------------------------------------------------------- public API */

dyad_status dyad_reader_new(dyad_input_format format, const char *default_date,
                            dyad_reader **out)
{
	dyad_reader *r;
	int32_t date = INT32_MIN;

	if (out == NULL)
		return DYAD_EINVAL;
	*out = NULL;
	if (format != DYAD_INPUT_AUTO && format != DYAD_INPUT_PLAIN && format != DYAD_INPUT_JSONL)
		return DYAD_EINVAL;
	if (default_date != NULL) {
		date = dyad_date_parse(default_date, strlen(default_date));
		if (date == INT32_MIN)
			return DYAD_EDATE;
	}
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return DYAD_ENOMEM;
	/* buf is never NULL, so scanning an empty buffer needs no special case. */
	if (grow(r, READ_CHUNK) != DYAD_OK) {
		free(r);
		return DYAD_ENOMEM;
	}
	r->format = format;
	r->has_default = default_date != NULL;
	r->default_date = date;
	*out = r;
	return DYAD_OK;
}

dyad_status dyad_reader_add(dyad_reader *reader, const char *path)
{
	struct stat st;
	char *copy;

	if (reader == NULL || path == NULL)
		return DYAD_EINVAL;
	copy = dup_string(path);
	if (copy == NULL)
		return DYAD_ENOMEM;
	if (list_push(&reader->queue, copy) != DYAD_OK) {
		free(copy);
		return DYAD_ENOMEM;
	}
	/* Only for progress: directories add their files' sizes as they are walked. */
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		reader->total += (uint64_t)st.st_size;
	return DYAD_OK;
}

dyad_status dyad_reader_next(dyad_reader *reader, dyad_doc *doc, dyad_error *err)
{
	dyad_reader *r = reader;

	if (r == NULL || doc == NULL)
		return DYAD_EINVAL;
	cJSON_Delete(r->record);
	r->record = NULL;
	for (;;) {
		const char *line;
		size_t len;
		dyad_status status;

		if (r->gz == NULL) {
			int jsonl = r->format == DYAD_INPUT_JSONL;

			status = open_next(r, err);
			if (status != DYAD_OK)
				return status;
			if (r->format == DYAD_INPUT_AUTO) {
				status = detect_jsonl(r, &jsonl, err);
				if (status != DYAD_OK) {
					close_file(r);
					return status;
				}
			}
			if (!jsonl) {
				status = read_plain(r, doc, err);
				close_file(r);
				return status;
			}
		}
		status = next_line(r, &line, &len, err);
		if (status == DYAD_DONE) {
			close_file(r);
			continue;
		}
		if (status == DYAD_ELIMIT)
			return fail(err, DYAD_ELIMIT, r->path, r->line, 0, NULL,
			            "line longer than %u bytes", DYAD_MAX_DOC_BYTES);
		if (status != DYAD_OK) {
			close_file(r);
			return status;
		}
		status = read_record(r, line, len, doc, err);
		if (status != DYAD_DONE)
			return status;
	}
}

void dyad_reader_progress(const dyad_reader *reader, uint64_t *done, uint64_t *total)
{
	uint64_t d = 0, t = 0;

	if (reader != NULL) {
		d = reader->done;
		t = reader->total;
		if (reader->gz != NULL) {
			z_off_t offset = gzoffset(reader->gz);

			d += offset >= 0 ? (uint64_t)offset : reader->raw;
		}
	}
	if (done != NULL)
		*done = d;
	if (total != NULL)
		*total = t;
}

void dyad_reader_free(dyad_reader *reader)
{
	if (reader == NULL)
		return;
	close_file(reader);
	list_free(&reader->queue);
	list_free(&reader->stack);
	free(reader->path);
	free(reader->buf);
	free(reader->id);
	cJSON_Delete(reader->record);
	free(reader);
}
