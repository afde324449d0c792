/*
 * What libpq makes of a connection string and the environment: "error: ..." when it refuses
 * them, else the parameters it would connect with, one "key=value" a line, in the format of
 * promail's side (examples/conninfo.rs). Values that libpq fills in from its own defaults are
 * printed as "<default>": promail's defaults differ on purpose (see DIFFERENCES.md).
 *
 * Build: gcc -o resolve resolve.c -I"$(pg_config --includedir)" -lpq
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

static const char *opt(PQconninfoOption *opts, const char *key)
{
	for (PQconninfoOption *o = opts; o && o->keyword; o++)
		if (strcmp(o->keyword, key) == 0)
			return (o->val && o->val[0]) ? o->val : NULL;
	return NULL;
}

/* A failure to reach a server (the parameters were accepted), not a refusal of them. */
static int is_network(const char *msg)
{
	return strstr(msg, "connection to server") != NULL ||
		strstr(msg, "could not translate host name") != NULL ||
		strstr(msg, "could not connect to server") != NULL;
}

int main(int argc, char **argv)
{
	const char *conninfo = argc > 1 ? argv[1] : "";
	char	   *err = NULL;
	PQconninfoOption *parsed = PQconninfoParse(conninfo, &err);

	if (!parsed)
	{
		printf("error: %s", err ? err : "out of memory\n");
		return 0;
	}
	PQconninfoFree(parsed);

	PGconn	   *conn = PQconnectStart(conninfo);

	if (PQstatus(conn) == CONNECTION_BAD && !is_network(PQerrorMessage(conn)))
	{
		printf("error: %s", PQerrorMessage(conn));
		PQfinish(conn);
		return 0;
	}
	PQconninfoOption *o = PQconninfo(conn);
	struct passwd *pw = getpwuid(geteuid());
	const char *os_user = pw ? pw->pw_name : "";
	const char *host = opt(o, "host");
	const char *hostaddr = opt(o, "hostaddr");
	const char *port = opt(o, "port");
	const char *user = opt(o, "user");
	const char *dbname = opt(o, "dbname");
	const char *pass = PQpass(conn);

	printf("host=%s\n", host ? host : hostaddr ? hostaddr : "<default>");
	printf("hostaddr=%s\n", host && hostaddr ? hostaddr : "");
	/* One port a host, as libpq uses them: an empty entry is the default, one port serves all. */
	int			nhosts = 1;
	const char *list = host ? host : hostaddr ? hostaddr : "";

	for (const char *c = list; *c; c++)
		nhosts += *c == ',';
	printf("port=");
	if (port && strchr(port, ','))
	{
		const char *c = port;

		while (1)
		{
			size_t		n = strcspn(c, ",");

			if (n == 0)
				printf("5432");
			else
				printf("%.*s", (int) n, c);
			if (c[n] == '\0')
				break;
			printf(",");
			c += n + 1;
		}
	}
	else
		for (int i = 0; i < nhosts; i++)
			printf("%s%s", i ? "," : "", port ? port : "5432");
	printf("\n");
	printf("user=%s\n", user && strcmp(user, os_user) != 0 ? user : "<default>");
	/* libpq's default database is the user name. */
	printf("dbname=%s\n", dbname && !(user && strcmp(dbname, user) == 0) ? dbname : "<default>");
	printf("password=%s\n", pass && pass[0] ? pass : "");
	printf("sslmode=%s\n", opt(o, "sslmode") ? opt(o, "sslmode") : "prefer");
	printf("target_session_attrs=%s\n", opt(o, "target_session_attrs") ? opt(o, "target_session_attrs") : "any");
	printf("application_name=%s\n", opt(o, "application_name") ? opt(o, "application_name") : (opt(o, "fallback_application_name") ? opt(o, "fallback_application_name") : "<default>"));
	printf("options=%s\n", opt(o, "options") ? opt(o, "options") : "");
	PQconninfoFree(o);
	PQfinish(conn);
	return 0;
}
