using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace AmiAutomation.Runtime.Logging;

/// <summary>Writes a template argument as JSON without reflection: numbers, booleans and null keep their JSON type,
/// sequences become arrays, key/value sequences objects, everything else its invariant string form.</summary>
internal static class LogValueWriter
{
    private const int MaxDepth = 4;
    private const int MaxItems = 200;

    public static void Write(Utf8JsonWriter json, object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong big:
                json.WriteNumberValue(big);
                break;
            case decimal money:
                json.WriteNumberValue(money);
                break;
            case double or float:
                WriteFloating(json, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                json.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTime moment:
                json.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case TimeSpan span:
                json.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case Enum member:
                json.WriteStringValue(member.ToString());
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs when depth < MaxDepth:
                WriteObject(json, pairs, depth);
                break;
            case IEnumerable<KeyValuePair<string, string>> pairs when depth < MaxDepth:
                WriteObject(json, pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)), depth);
                break;
            case IEnumerable items when depth < MaxDepth:
                WriteArray(json, items, depth);
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteFloating(Utf8JsonWriter json, double number)
    {
        if (double.IsFinite(number))
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteObject(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> pairs, int depth)
    {
        json.WriteStartObject();
        var count = 0;
        foreach (var (key, item) in pairs)
        {
            if (++count > MaxItems)
            {
                break;
            }

            json.WritePropertyName(key);
            Write(json, item, depth + 1);
        }

        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, IEnumerable items, int depth)
    {
        json.WriteStartArray();
        var count = 0;
        foreach (var item in items)
        {
            if (++count > MaxItems)
            {
                json.WriteStringValue("…");
                break;
            }

            Write(json, item, depth + 1);
        }

        json.WriteEndArray();
    }
}
