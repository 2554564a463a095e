using System.Xml;

namespace AmiAutomation.Aws.AutoScaling;

/// <summary>XmlReader helpers shared by the Auto Scaling answer readers (no reflection, AOT-safe).</summary>
internal static class QueryXml
{
    public static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <summary>
    /// Calls <paramref name="onChild"/> for each child element of the element the reader is on; the callback must
    /// consume the child (read its content, recurse, or Skip). Leaves the reader after this element's end tag.
    /// </summary>
    public static void Children(XmlReader reader, Action<string, XmlReader> onChild)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                onChild(reader.LocalName, reader);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    /// <summary>The element's text, trimmed; null when empty.</summary>
    public static string? Text(XmlReader reader)
    {
        var text = reader.ReadElementContentAsString().Trim();
        return text.Length == 0 ? null : text;
    }
}
