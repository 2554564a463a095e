using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace AmiAutomation.Aws.Ledger;

/// <summary>Typed reads from a DynamoDB item; every failure names the attribute and the item.</summary>
internal sealed class ItemReader(IReadOnlyDictionary<string, AttributeValue> item, string? context = null)
{
    private string Where => context ?? Describe(item);

    public string String(string name) =>
        OptionalString(name) ?? throw new LedgerRecordFormatException($"Ledger item {Where} has no string attribute '{name}'.");

    public string? OptionalString(string name) => item.TryGetValue(name, out var value) ? value.S : null;

    public long Long(string name)
    {
        var text = item.TryGetValue(name, out var value) ? value.N : null;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new LedgerRecordFormatException($"Ledger item {Where} has no integer attribute '{name}' (found '{text}').");
    }

    public DateTimeOffset Time(string name) =>
        OptionalTime(name) ?? throw new LedgerRecordFormatException($"Ledger item {Where} has no time attribute '{name}'.");

    public DateTimeOffset? OptionalTime(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new LedgerRecordFormatException($"Ledger item {Where} attribute '{name}' is '{text}', not an ISO 8601 time.");
    }

    public TEnum Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var text = String(name);
        return System.Enum.TryParse<TEnum>(text, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new LedgerRecordFormatException($"Ledger item {Where} attribute '{name}' is '{text}', not a {typeof(TEnum).Name}.");
    }

    public IReadOnlyDictionary<string, AttributeValue> Map(string name) =>
        item.TryGetValue(name, out var value) && value.M is { } map ? map : new Dictionary<string, AttributeValue>();

    public IReadOnlyList<AttributeValue> List(string name) =>
        item.TryGetValue(name, out var value) && value.L is { } list ? list : [];

    public ItemReader Nested(AttributeValue value, string listName) =>
        value.M is { } map
            ? new ItemReader(map, $"{Where} {listName}[]")
            : throw new LedgerRecordFormatException($"Ledger item {Where} attribute '{listName}' holds an entry that is not a map.");

    private static string Describe(IReadOnlyDictionary<string, AttributeValue> item) =>
        $"{(item.TryGetValue(DynamoDbLedgerSchema.PartitionKey, out var pk) ? pk.S : "?")}#{(item.TryGetValue(DynamoDbLedgerSchema.SortKey, out var sk) ? sk.S : "?")}";
}
