using Parquet;
using Parquet.Schema;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// Writes a dataset as Apache Parquet: one typed column per <see cref="Column"/> (strings, whole numbers, floating
/// point, booleans; nullable where a value may be missing), Snappy-compressed, with repeated values such as codes
/// dictionary-encoded by Parquet.Net. Rows arrive one at a time from the same pass that writes JSON and CSV and are
/// buffered into row groups, so a million rows never sit in memory at once.
/// </summary>
public sealed class ParquetTableWriter : IAsyncDisposable
{
    /// <summary>Rows per row group: large enough for good compression, small enough to keep memory flat.</summary>
    public const int RowGroupRows = 64 * 1024;

    /// <summary>Values of a row group Parquet.Net looks at before it tries a dictionary; smaller row groups are looked at whole.</summary>
    private const int DictionarySample = 4096;

    private readonly DataField[] _fields;
    private readonly IBuffer[] _buffers;
    private readonly ParquetWriter _writer;
    private int _rows;

    private ParquetTableWriter(IReadOnlyList<Column> columns, DataField[] fields, ParquetWriter writer)
    {
        _fields = fields;
        _writer = writer;
        _buffers = [.. columns.Select(c => Buffer(c.Type))];
    }

    public static async Task<ParquetTableWriter> CreateAsync(Stream output, IReadOnlyList<Column> columns, CancellationToken ct)
    {
        var fields = columns.Select(Field).ToArray();
        var schema = new ParquetSchema(fields); // attaches the fields, which gives them their paths
        // Codes, kinds, units and names repeat from row to row: a dictionary stores each once. Parquet.Net encodes a
        // string column with a dictionary only when hinted to, and then only where at most 80 % of values are distinct.
        // It first looks at a sample of a row group's values: ids, quotes and citations, which never repeat, are then
        // not put through a dictionary of every value only to be written plain (two seconds at a million figures).
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, DictionaryEncodingSampleSize = DictionarySample };
        foreach (var (column, field) in columns.Zip(fields).Where(p => p.First.Type == typeof(string)))
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        return new ParquetTableWriter(columns, fields, await ParquetWriter.CreateAsync(schema, output, options, false, ct));
    }

    /// <summary>The Parquet field of a column: strings may be null; value types are nullable only where the column's type is.</summary>
    public static DataField Field(Column column)
    {
        var underlying = Nullable.GetUnderlyingType(column.Type);
        return new DataField(column.Name, underlying ?? column.Type, isNullable: column.Type == typeof(string) || underlying is not null);
    }

    /// <summary>Adds one row (values in column order). The snapshot writer is synchronous, so a full row group is written here.</summary>
    public void Add(object?[] values)
    {
        for (var i = 0; i < _buffers.Length; i++) _buffers[i].Set(_rows, values[i]);
        if (++_rows == RowGroupRows) FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        using var group = _writer.CreateRowGroup();
        for (var i = 0; i < _buffers.Length; i++) await _buffers[i].WriteAsync(group, _fields[i], _rows, ct);
        group.CompleteValidate();
        _flushedAny = true;
        _rows = 0;
    }

    private bool _flushedAny;

    /// <summary>Writes the last row group (an empty table still gets one, so readers see its columns) and the footer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_rows > 0 || !_flushedAny) await FlushAsync(CancellationToken.None);
        await _writer.DisposeAsync();
    }

    private interface IBuffer
    {
        void Set(int row, object? value);
        Task WriteAsync(ParquetRowGroupWriter group, DataField field, int count, CancellationToken ct);
    }

    private static IBuffer Buffer(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (type == typeof(string)) return new Strings();
        var valueType = underlying ?? type;
        return (IBuffer)Activator.CreateInstance(typeof(Values<>).MakeGenericType(valueType), [underlying is not null])!; // the args array, not the nonPublic flag
    }

    private sealed class Strings : IBuffer
    {
        // Parquet.Net's string overload takes null as a missing value in a nullable field; its signature does not say so.
        private readonly string[] _values = new string[RowGroupRows];
        public void Set(int row, object? value) => _values[row] = (value is JsonText json ? json.Text : (string?)value)!;
        public Task WriteAsync(ParquetRowGroupWriter group, DataField field, int count, CancellationToken ct) =>
            group.WriteAsync(field, new ArraySegment<string>(_values, 0, count)); // not a copy: 64 Ki rows are a large object
    }

    private sealed class Values<T>(bool nullable) : IBuffer where T : struct
    {
        private readonly T?[] _nullable = nullable ? new T?[RowGroupRows] : [];
        private readonly T[] _plain = nullable ? [] : new T[RowGroupRows];

        public void Set(int row, object? value)
        {
            if (nullable) _nullable[row] = (T?)value;
            else _plain[row] = (T)value!;
        }

        public async Task WriteAsync(ParquetRowGroupWriter group, DataField field, int count, CancellationToken ct)
        {
            if (nullable) await group.WriteAsync<T>(field, (ReadOnlyMemory<T?>)_nullable.AsMemory(0, count), null, null, ct);
            else await group.WriteAsync<T>(field, (ReadOnlyMemory<T>)_plain.AsMemory(0, count), null, null, ct);
        }
    }
}
