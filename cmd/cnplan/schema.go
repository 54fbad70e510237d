package main

import (
	"io"
	"regexp"

	"github.com/cnplan/cnplan/pkg/render"
	"github.com/cnplan/cnplan/pkg/schema"
	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newSchemaCmd) }

// sqlName is a table name that needs no quoting.
var sqlName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func newSchemaCmd(s streams) *cobra.Command {
	var sqlTable string
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of cnplan's output (" + schema.Name + ")",
		Long: `schema prints the JSON Schema (draft 2020-12) of what cnplan writes: extract's
documents at the top level, and under $defs the other forms: record_row
(extract --records), figure (compare --format jsonl), matrix (compare --format
json) and diff (diff --format json). The same file is pkg/schema/cnplan.schema.json.

--sql TABLE prints instead the SQL table for extract's record rows, with their
types (value REAL, year INTEGER, region_code TEXT), to import the CSV into.`,
		Example: `  cnplan schema > cnplan.schema.json
  # Python:  jsonschema.validate(json.loads(line), schema)
  # Ajv:     npx ajv-cli validate -s cnplan.schema.json --spec=draft2020 -d out.json
  cnplan extract -o records.csv corpus/
  cnplan schema --sql records | sqlite3 plans.db
  sqlite3 plans.db ".import --csv --skip 1 records.csv records"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if sqlTable != "" && !sqlName.MatchString(sqlTable) {
				return usagef("--sql: %q is not a plain table name (letters, digits, _)", sqlTable)
			}
			if sqlTable != "" {
				_, err := io.WriteString(s.Out, render.CreateTable(sqlTable))
				return err
			}
			_, err := s.Out.Write(schema.JSON)
			return err
		},
	}
	cmd.Flags().StringVar(&sqlTable, "sql", "", "print the SQL table of extract's record rows under this name")
	return cmd
}
