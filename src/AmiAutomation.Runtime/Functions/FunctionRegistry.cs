namespace AmiAutomation.Runtime.Functions;

/// <summary>
/// The functions one bootstrap can host: handler name (the SAM <c>Handler</c> value, matched ordinally and
/// case-sensitively against <c>_HANDLER</c>) → factory. Only the selected factory runs, once, during init; anything it
/// throws is an init error (<see cref="Configuration.ConfigurationException"/> → <c>Runtime.InvalidConfiguration</c>).
/// </summary>
public sealed class FunctionRegistry
{
    private readonly Dictionary<string, Func<ILambdaFunction>> _factories = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>Handler names in registration order (used in the <c>Runtime.NoSuchHandler</c> message).</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Registers <paramref name="factory"/> under <paramref name="name"/>; returns this registry for chaining.</summary>
    /// <exception cref="ArgumentException">The name is blank, has surrounding spaces, or is already registered.</exception>
    public FunctionRegistry Add(string name, Func<ILambdaFunction> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (name.Trim() != name)
        {
            throw new ArgumentException($"Handler name '{name}' has leading or trailing white space.", nameof(name));
        }

        if (!_factories.TryAdd(name, factory))
        {
            throw new ArgumentException($"Handler name '{name}' is registered twice.", nameof(name));
        }

        _names.Add(name);
        return this;
    }

    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>Finds the factory for <paramref name="name"/>; false when no function has that name.</summary>
    public bool TryGetFactory(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Func<ILambdaFunction>? factory)
        => _factories.TryGetValue(name, out factory);
}
