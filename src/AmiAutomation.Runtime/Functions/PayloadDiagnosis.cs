using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AmiAutomation.Runtime.Functions;

/// <summary>
/// Says in our own words why a payload does not fit a function's input. The serializer's messages cannot be used: under
/// Native AOT with <c>UseSystemResourceKeys</c> they are resource keys ("UnmappedJsonProperty, key1, …"). Instead the
/// payload is read again and walked against the source-generated contract (<see cref="JsonTypeInfo"/>: properties,
/// kinds, element types; no reflection): malformed JSON (line and position), an unknown field (with the known ones),
/// a field of the wrong JSON kind, a missing required field. Values are never echoed, only field names (capped).
/// </summary>
public static class PayloadDiagnosis
{
    /// <summary>Longest field name quoted back.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The first problem found, or null when the payload looks well-formed and fits (the caller falls back).</summary>
    public static string? Describe(ReadOnlyMemory<byte> json, JsonTypeInfo input)
    {
        ArgumentNullException.ThrowIfNull(input);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            // LineNumber and BytePositionInLine are zero-based; people count from one.
            return ex.LineNumber is { } line && ex.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $"malformed JSON at line {line + 1}, position {position + 1}")
                : "malformed JSON";
        }

        using (document)
        {
            return Check(document.RootElement, input, "$", null);
        }
    }

    /// <summary>True for the Lambda console's default test event: an object whose every field is <c>key1</c>,
    /// <c>key2</c>, … (<c>{"key1": "value1", "key2": "value2", "key3": "value3"}</c>).</summary>
    public static bool IsConsoleTestEvent(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var any = false;
            foreach (var property in root.EnumerateObject())
            {
                var name = property.Name;
                if (name.Length < 4 || !name.StartsWith("key", StringComparison.Ordinal) || name.AsSpan(3).ContainsAnyExceptInRange('0', '9'))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Check(JsonElement element, JsonTypeInfo info, string path, string? field)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            // null fits any reference or nullable type; the function's own checks judge it.
            return !info.Type.IsValueType || Nullable.GetUnderlyingType(info.Type) is not null ? null : $"{Field(field, path)} must not be null";
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                return element.ValueKind == JsonValueKind.Object ? CheckObject(element, info, path) : WrongKind(field, path, "an object", element);
            case JsonTypeInfoKind.Enumerable:
                return element.ValueKind == JsonValueKind.Array ? CheckArray(element, info, path, field) : WrongKind(field, path, "an array", element);
            case JsonTypeInfoKind.Dictionary:
                return element.ValueKind == JsonValueKind.Object ? null : WrongKind(field, path, "an object", element);
            default:
                return CheckValue(element, Nullable.GetUnderlyingType(info.Type) ?? info.Type, path, field);
        }
    }

    private static string? CheckObject(JsonElement element, JsonTypeInfo info, string path)
    {
        var comparison = info.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var disallowUnknown = (info.UnmappedMemberHandling ?? info.Options.UnmappedMemberHandling) == JsonUnmappedMemberHandling.Disallow;
        var seen = new HashSet<JsonPropertyInfo>();
        foreach (var property in element.EnumerateObject())
        {
            var known = Find(info, property.Name, comparison);
            if (known is null)
            {
                if (disallowUnknown)
                {
                    return $"unknown field '{Name(property.Name)}' at {path} (known fields: {string.Join(", ", info.Properties.Select(p => p.Name))})";
                }

                continue;
            }

            seen.Add(known);
            var childPath = path + "." + Name(known.Name);
            if (TypeInfoOf(info, known.PropertyType) is { } child
                && Check(property.Value, child, childPath, known.Name) is { } problem)
            {
                return problem;
            }
        }

        var missing = info.Properties.FirstOrDefault(p => p.IsRequired && !seen.Contains(p));
        return missing is null ? null : $"missing required field '{missing.Name}' at {path}";
    }

    private static string? CheckArray(JsonElement element, JsonTypeInfo info, string path, string? field)
    {
        if (info.ElementType is null || TypeInfoOf(info, info.ElementType) is not { } item)
        {
            return null;
        }

        var index = 0;
        foreach (var value in element.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
            if (Check(value, item, itemPath, field is null ? null : string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]")) is { } problem)
            {
                return problem;
            }

            index++;
        }

        return null;
    }

    private static string? CheckValue(JsonElement element, Type type, string path, string? field)
    {
        if (type == typeof(JsonElement) || type == typeof(object))
        {
            return null;
        }

        if (type == typeof(bool))
        {
            return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : WrongKind(field, path, "a boolean (true or false)", element);
        }

        if (type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(char))
        {
            return element.ValueKind == JsonValueKind.String ? null : WrongKind(field, path, "a string", element);
        }

        if (type.IsEnum)
        {
            return element.ValueKind is JsonValueKind.String or JsonValueKind.Number ? null : WrongKind(field, path, "a string", element);
        }

        if (IsWholeNumber(type))
        {
            return element.ValueKind != JsonValueKind.Number ? WrongKind(field, path, "a whole number", element)
                : element.TryGetInt64(out _) ? null : $"{Field(field, path)} must be a whole number within range";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return element.ValueKind == JsonValueKind.Number ? null : WrongKind(field, path, "a number", element);
        }

        return null;
    }

    private static bool IsWholeNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    private static JsonPropertyInfo? Find(JsonTypeInfo info, string name, StringComparison comparison)
    {
        foreach (var property in info.Properties)
        {
            if (string.Equals(property.Name, name, comparison))
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>The contract of a nested type from the same source-generated resolver; null when it has none.</summary>
    private static JsonTypeInfo? TypeInfoOf(JsonTypeInfo parent, Type type)
    {
        try
        {
            return parent.Options.TypeInfoResolver?.GetTypeInfo(type, parent.Options);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static string WrongKind(string? field, string path, string expected, JsonElement element) =>
        $"{Field(field, path)} must be {expected}, not {KindName(element.ValueKind)}";

    private static string Field(string? field, string path) => field is null ? $"the value at {path}" : $"field '{Name(field)}' ({path})";

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>A field name as quoted back: at most <see cref="MaxNameLength"/> characters, control characters escaped.</summary>
    private static string Name(string name)
    {
        var shown = name.Length <= MaxNameLength ? name : name[..MaxNameLength] + "…";
        return shown.Any(char.IsControl)
            ? string.Concat(shown.Select(c => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString()))
            : shown;
    }
}
