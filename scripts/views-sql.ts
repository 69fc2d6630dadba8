/** Prints the tables and views as SQL for the DuckDB CLI (src/db/cli-sql.ts): `npm run -s views:sql > views.sql`. */
import { cliSql } from '../src/db/cli-sql'

process.stdout.write(cliSql(process.argv[2] ?? '.'))
