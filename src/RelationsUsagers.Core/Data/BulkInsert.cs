using System.Collections;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RelationsUsagers.Core.Data;

/// <summary>
/// One prepared <c>INSERT</c> for the table of an entity type (and of its TPH subtypes), whose columns, parameters and
/// value conversions are read from the EF model: a migration that adds a column, renames one or changes a converter
/// needs no change here. Values go through the same type mappings as EF's own saves (enums as numbers, DateOnly as
/// text, primitive collections and JSON complex collections as JSON text), so EF reads the rows back as if it had
/// written them.
/// </summary>
/// <remarks>
/// This bypasses the change tracker, hence <see cref="Security.AuditTrail"/>: no audit line and no who/when stamping.
/// The caller sets those columns itself.
/// </remarks>
internal sealed class BulkInsert : IDisposable
{
    private readonly Dictionary<Type, Statement> _statements;

    private BulkInsert(Dictionary<Type, Statement> statements) => _statements = statements;

    /// <summary>
    /// Prepares the statements for the table of <typeparamref name="T"/> on the context's open connection and
    /// transaction: one per concrete CLR type, naming only that type's columns (those of other TPH subtypes keep NULL),
    /// so each row binds half the parameters.
    /// </summary>
    public static BulkInsert For<T>(AppDbContext db, DbTransaction transaction)
    {
        var (table, storeTable, types) = Describe<T>(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var statements = new Dictionary<Type, Statement>();
        try
        {
            foreach (var entityType in types)
                statements[entityType.ClrType] = Statement.Prepare(db, transaction, sql, table, ColumnsOf(entityType, table, storeTable).ToList());
        }
        catch
        {
            foreach (var statement in statements.Values)
                statement.Dispose();
            throw;
        }
        return new BulkInsert(statements);
    }

    /// <summary>
    /// PostgreSQL: writes <paramref name="rows"/> into the table of <typeparamref name="T"/> with one binary <c>COPY … FROM
    /// STDIN</c> on the context's open connection (hence its transaction), the same columns and values as <see cref="Insert"/>:
    /// a row of one TPH subtype leaves the columns of the others NULL. Many times faster than one INSERT per row on a
    /// server (no round trip per row). A COPY holds the connection until it completes: one table at a time.
    /// </summary>
    public static async Task CopyAsync<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var (table, storeTable, types) = Describe<T>(db);
        // The union of the subtypes' columns, in a fixed order; each subtype reads its own and writes NULL in the others.
        var columns = new List<(string Column, string DataType)>();
        var readers = new Dictionary<Type, Func<object, object?>?[]>();
        var perType = types.ToDictionary(t => t.ClrType, t => ColumnsOf(t, table, storeTable).ToList());
        foreach (var (column, mapping, _) in perType.Values.SelectMany(c => c))
            if (!columns.Exists(c => c.Column == column))
                columns.Add((column, DataTypeName(mapping)));
        foreach (var (type, own) in perType)
            readers[type] = [.. columns.Select(c => own.Find(o => o.Column == c.Column).Read)];

        var sql = db.GetService<ISqlGenerationHelper>();
        var copy = new StringBuilder("COPY ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Column))).Append(") FROM STDIN (FORMAT BINARY)").ToString();
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        // No timeout (Npgsql: zero): at the end the server still has to write what it was sent and maintain the indexes,
        // which took more than the 30 s command timeout for a million cases on a loaded server. ct still cancels.
        importer.Timeout = TimeSpan.Zero;
        var count = 0;
        foreach (var row in rows)
        {
            if (++count % 2000 == 0)
                ct.ThrowIfCancellationRequested();
            var read = readers[row.GetType()];
            // Synchronous writes: they only fill a buffer, flushed to the server when full; an await per value would cost more.
            importer.StartRow();
            for (var i = 0; i < read.Length; i++)
            {
                if (read[i]?.Invoke(row) is { } value)
                    importer.Write(value, columns[i].DataType);
                else
                    importer.WriteNull();
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>The PostgreSQL type COPY writes a value as: the column's type without its length (varchar(200) is written as text is).</summary>
    private static string DataTypeName(RelationalTypeMapping mapping)
    {
        var type = mapping.StoreType;
        var facet = type.IndexOf('(', StringComparison.Ordinal);
        return facet < 0 ? type : type[..facet] + type[(type.IndexOf(')', facet) + 1)..];
    }

    private static (StoreObjectIdentifier Table, ITable StoreTable, List<IEntityType> Types) Describe<T>(AppDbContext db)
    {
        var root = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        while (root.BaseType is { } baseType)
            root = baseType;
        var table = StoreObjectIdentifier.Table(root.GetTableName()!, root.GetSchema());
        var storeTable = db.Model.GetRelationalModel().FindTable(table.Name, table.Schema)
            ?? throw new InvalidOperationException($"The table {table.Name} is not in the relational model.");
        return (table, storeTable, [.. root.GetDerivedTypesInclusive().Where(t => !t.IsAbstract())]);
    }

    /// <summary>Inserts one row.</summary>
    public void Insert(object entity) => _statements[entity.GetType()].Insert(entity);

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
            statement.Dispose();
    }

    private sealed class Statement(DbCommand command, DbParameter[] parameters, Func<object, object?>[] read) : IDisposable
    {
        public static Statement Prepare(AppDbContext db, DbTransaction transaction, ISqlGenerationHelper sql, StoreObjectIdentifier table,
            List<(string Column, RelationalTypeMapping Mapping, Func<object, object?> Read)> columns)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            var parameters = new DbParameter[columns.Count];
            var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (");
            text.AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Column))).Append(") VALUES (");
            for (var i = 0; i < columns.Count; i++)
            {
                var name = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameters[i] = columns[i].Mapping.CreateParameter(command, sql.GenerateParameterName(name), null, nullable: true);
                command.Parameters.Add(parameters[i]);
                text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
            }
            command.CommandText = text.Append(");").ToString();
            command.Prepare();
            return new Statement(command, parameters, columns.Select(c => c.Read).ToArray());
        }

        public void Insert(object entity)
        {
            for (var i = 0; i < read.Length; i++)
                parameters[i].Value = read[i](entity) ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }

    private static IEnumerable<(string Column, RelationalTypeMapping Mapping, Func<object, object?> Read)> ColumnsOf(
        IEntityType entityType, StoreObjectIdentifier table, ITable storeTable)
    {
        foreach (var property in entityType.GetProperties())
        {
            // Shadow properties have no CLR value to copy: the column keeps its database default.
            if (property.IsShadowProperty() || property.GetColumnName(table) is not { } column)
                continue;
            // A numeric key the database generates (the audit trail's): written when the caller numbered the row (the audit
            // chain does), NULL otherwise, which lets SQLite number it.
            if (IsStoreGeneratedNumber(property))
            {
                var read = Scalar(property);
                yield return (column, property.GetRelationalTypeMapping(), entity => read(entity) is long and not 0L or int and not 0 ? read(entity) : null);
                continue;
            }
            yield return (column, property.GetRelationalTypeMapping(), Scalar(property));
        }
        foreach (var complex in entityType.GetComplexProperties())
            foreach (var column in ComplexColumns(complex, table, storeTable))
                yield return column;
    }

    private static IEnumerable<(string Column, RelationalTypeMapping Mapping, Func<object, object?> Read)> ComplexColumns(
        IComplexProperty complex, StoreObjectIdentifier table, ITable storeTable)
    {
        var type = complex.ComplexType;
        if (type.IsMappedToJson())
        {
            // The whole value (a complex collection or a JSON complex property) is one JSON text column.
            var getter = complex.GetGetter();
            var containerColumn = type.GetContainerColumnName()!;
            var mapping = storeTable.FindColumn(containerColumn)?.StoreTypeMapping
                ?? throw new InvalidOperationException($"The JSON column {containerColumn} is not in the table {storeTable.Name}.");
            yield return (containerColumn, mapping, entity => ToJson(complex, getter.GetClrValueUsingContainingEntity(entity)));
            yield break;
        }
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty() || property.GetColumnName(table) is not { } column)
                continue;
            yield return (column, property.GetRelationalTypeMapping(), Scalar(property));
        }
        foreach (var nested in type.GetComplexProperties())
            foreach (var column in ComplexColumns(nested, table, storeTable))
                yield return column;
    }

    private static bool IsStoreGeneratedNumber(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    private static Func<object, object?> Scalar(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        if (converter is null)
            return entity => getter.GetClrValueUsingContainingEntity(entity);
        var toProvider = converter.ConvertToProvider;
        return entity => getter.GetClrValueUsingContainingEntity(entity) is { } value ? toProvider(value) : null;
    }

    // ---------------------------------------------------------------- JSON, written with the model's JSON names and readers/writers

    private static string? ToJson(IComplexProperty complex, object? value)
    {
        if (value is null)
            return null;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            if (complex.IsCollection)
            {
                writer.WriteStartArray();
                foreach (var element in (IEnumerable)value)
                    WriteObject(writer, complex.ComplexType, element);
                writer.WriteEndArray();
            }
            else
            {
                WriteObject(writer, complex.ComplexType, value);
            }
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter writer, IComplexType type, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty() || property.GetJsonPropertyName() is not { } name)
                continue;
            writer.WritePropertyName(name);
            var propertyValue = property.GetGetter().GetClrValue(value);
            if (propertyValue is null)
            {
                writer.WriteNullValue();
                continue;
            }
            var json = property.GetJsonValueReaderWriter() ?? property.GetTypeMapping().JsonValueReaderWriter
                ?? throw new InvalidOperationException($"No JSON writer for {type.DisplayName()}.{property.Name}.");
            json.ToJson(writer, propertyValue);
        }
        foreach (var nested in type.GetComplexProperties())
        {
            if (nested.GetJsonPropertyName() is not { } name)
                continue;
            writer.WritePropertyName(name);
            var nestedValue = nested.GetGetter().GetClrValue(value);
            if (nested.IsCollection && nestedValue is IEnumerable items)
            {
                writer.WriteStartArray();
                foreach (var item in items)
                    WriteObject(writer, nested.ComplexType, item);
                writer.WriteEndArray();
            }
            else
            {
                WriteObject(writer, nested.ComplexType, nestedValue);
            }
        }
        writer.WriteEndObject();
    }
}
