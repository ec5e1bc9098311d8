using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Graph;
using OpenHealthData.Api.Hosting;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Serving;
using OpenHealthData.Api.Storage;
using OpenHealthData.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace OpenHealthData.Tests;

/// <summary>
/// deploy/: every manifest parses, and what it says about the app — probe paths, ports, environment variable names
/// and values — is checked against the app itself, so the manifests cannot drift from the code.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class DeployManifestTests(ApiFactory api)
{
    private static readonly string Deploy = Path.Combine(RepoPaths.Root, "deploy");

    private static List<YamlMappingNode> Documents(string relativePath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Deploy, relativePath))) stream.Load(reader);
        return [.. stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode))];
    }

    private static IEnumerable<string> AllManifests() =>
        Directory.EnumerateFiles(Deploy, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Deploy, f)).Order();

    private static IEnumerable<YamlMappingNode> KubernetesObjects() =>
        Kustomization().Resources.SelectMany(Documents);

    private static (List<string> Resources, List<string> ConfigFiles) Kustomization()
    {
        var root = Documents("kustomization.yaml").Single();
        return ([.. Seq(root, "resources").Select(Text)],
                [.. Seq(root, "configMapGenerator").SelectMany(g => Seq((YamlMappingNode)g, "files")).Select(Text)]);
    }

    private static YamlNode? Get(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child)) return null;
            node = child;
        }
        return node;
    }

    private static string Text(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value!;
    private static string? Text(YamlNode node, params string[] path) => Get(node, path) is YamlScalarNode s ? s.Value : null;
    private static IEnumerable<YamlNode> Seq(YamlNode node, params string[] path) => Get(node, path) is YamlSequenceNode s ? s.Children : [];

    private static YamlMappingNode Object(string kind, string name) =>
        KubernetesObjects().Single(o => Text(o, "kind") == kind && Text(o, "metadata", "name") == name);

    /// <summary>The port the image listens on: the Dockerfile's ASPNETCORE_URLS.</summary>
    private static int AppPort() =>
        int.Parse(PortInUrls().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"))).Groups[1].Value);

    [GeneratedRegex(@"ASPNETCORE_URLS=http://\+:(\d+)")]
    private static partial Regex PortInUrls();

    [Fact]
    public void Every_manifest_parses_and_kustomize_lists_every_kubernetes_file()
    {
        var manifests = AllManifests().ToList();
        Assert.Contains("compose.yaml", manifests);
        foreach (var manifest in manifests) Assert.NotEmpty(Documents(manifest));

        var (resources, files) = Kustomization();
        Assert.Equal(manifests.Where(m => m.StartsWith("k8s" + Path.DirectorySeparatorChar)).Select(m => m.Replace('\\', '/')).Order(), resources.Order());
        Assert.Equal(["nginx.conf"], files);
        foreach (var kind in new[] { "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Namespace" })
            Assert.Contains(KubernetesObjects(), o => Text(o, "kind") == kind);
    }

    [Fact]
    public async Task The_api_deployment_probes_real_endpoints_on_the_real_port_as_a_non_root_read_only_container()
    {
        var deployment = Object("Deployment", "api");
        Assert.Equal("3", Text(deployment, "spec", "replicas"));
        var pod = Get(deployment, "spec", "template", "spec")!;
        var container = (YamlMappingNode)Seq(pod, "containers").Single();
        var port = (YamlMappingNode)Seq(container, "ports").Single();
        Assert.Equal(AppPort().ToString(), Text(port, "containerPort"));

        var probed = new List<string>();
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            var path = Text(container, probe, "httpGet", "path");
            Assert.NotNull(path);
            Assert.Contains(Text(container, probe, "httpGet", "port"), new[] { Text(port, "name"), Text(port, "containerPort") });
            using var response = await api.CreateClient().GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe} {path}: {(int)response.StatusCode}");
            probed.Add(path!);
        }
        Assert.Equal("/readyz", Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Text(container, "livenessProbe", "httpGet", "path"));

        foreach (var resource in new[] { "cpu", "memory" })
        foreach (var bound in new[] { "requests", "limits" })
            Assert.NotNull(Text(container, "resources", bound, resource));
        Assert.Equal("true", Text(pod, "securityContext", "runAsNonRoot"));
        Assert.NotEqual("0", Text(pod, "securityContext", "runAsUser"));
        Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));

        // The grace period covers the preStop pause and the drain time the app is given.
        var drain = double.Parse(EnvironmentOf(container)["Shutdown__DrainSeconds"]);
        var pause = double.Parse(Text(Seq(container, "lifecycle", "preStop", "exec", "command").Last()));
        Assert.True(pause + drain < double.Parse(Text(pod, "terminationGracePeriodSeconds")!));
    }

    [Fact]
    public void Service_hpa_and_pdb_select_the_api_pods_and_nginx_reaches_the_service_port()
    {
        var deployment = Object("Deployment", "api");
        var labels = ((YamlMappingNode)Get(deployment, "spec", "template", "metadata", "labels")!).Children
            .ToDictionary(c => Text(c.Key), c => Text(c.Value));
        bool Selects(YamlNode? selector) => selector is YamlMappingNode map && map.Children.Count > 0 &&
            map.Children.All(c => labels.TryGetValue(Text(c.Key), out var v) && v == Text(c.Value));

        var service = Object("Service", "api");
        Assert.True(Selects(Get(service, "spec", "selector")));
        var servicePort = (YamlMappingNode)Seq(service, "spec", "ports").Single();
        Assert.Equal("http", Text(servicePort, "targetPort"));
        Assert.True(Selects(Get(Object("PodDisruptionBudget", "api"), "spec", "selector", "matchLabels")));
        Assert.True(int.Parse(Text(Object("PodDisruptionBudget", "api"), "spec", "minAvailable")!) < 3);
        var hpa = Object("HorizontalPodAutoscaler", "api");
        Assert.Equal(("Deployment", "api"), (Text(hpa, "spec", "scaleTargetRef", "kind"), Text(hpa, "spec", "scaleTargetRef", "name")));
        Assert.Equal("3", Text(hpa, "spec", "minReplicas"));

        // nginx.conf's upstream is "api" on the app's port: the Service in Kubernetes, the Compose service's replicas.
        var upstream = UpstreamServer().Match(File.ReadAllText(Path.Combine(Deploy, "nginx.conf")));
        Assert.True(upstream.Success, "nginx.conf has no 'server api:<port>' upstream");
        Assert.Equal(AppPort().ToString(), upstream.Groups[1].Value);
        Assert.Equal(upstream.Groups[1].Value, Text(servicePort, "port"));
    }

    [Fact]
    public void Compose_runs_three_replicas_of_the_dockerfile_behind_nginx_with_nginx_conf()
    {
        var services = Get(Documents("compose.yaml").Single(), "services")!;
        Assert.Equal("3", Text(services, "api", "deploy", "replicas"));
        Assert.True(File.Exists(Path.Combine(Deploy, Text(services, "api", "build", "context")!, Text(services, "api", "build", "dockerfile")!)));
        Assert.Equal("true", Text(services, "api", "read_only"));
        Assert.Contains("./nginx.conf:/etc/nginx/nginx.conf:ro", Seq(services, "nginx", "volumes").Select(Text));
        Assert.Contains("api", Seq(services, "nginx", "depends_on").Select(Text));
    }

    public static TheoryData<string> Environments => ["kubernetes", "compose"];

    /// <summary>
    /// Each variable is a setting the app reads: built with the manifest's environment, the app's options hold its
    /// values, and built without it they do not (so a misspelt or unbound name fails). Bad values stop the build.
    /// </summary>
    [Theory]
    [MemberData(nameof(Environments))]
    public void Environment_variables_are_settings_the_app_reads(string manifest)
    {
        var environment = manifest == "compose" ? ComposeEnvironment()
            : EnvironmentOf((YamlMappingNode)Seq(Object("Deployment", "api"), "spec", "template", "spec", "containers").Single());
        Assert.NotEmpty(environment);
        var configured = OpenHealthData.Api.Hosting.ApiHost.BuildApp([.. environment.SelectMany(e => new[] { "--" + e.Key.Replace("__", ":"), e.Value })]);
        var defaults = OpenHealthData.Api.Hosting.ApiHost.BuildApp([]);
        foreach (var (name, value) in environment)
        {
            var parts = name.Split("__");
            Assert.True(string.Equals(Setting(configured.Services, parts), value, StringComparison.OrdinalIgnoreCase),
                $"{manifest}: {name}={value}, but the app read {Setting(configured.Services, parts) ?? "nothing"}");
            Assert.False(string.Equals(Setting(defaults.Services, parts), value, StringComparison.OrdinalIgnoreCase),
                $"{manifest}: {name}={value} is the default; the test cannot tell whether the app reads it");
        }
    }

    /// <summary>The configuration sections the app binds, by their options types.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Data"] = typeof(DataOptions), ["Paging"] = typeof(PagingOptions), ["Limits"] = typeof(RequestLimits),
        ["RateLimiting"] = typeof(RateLimitOptions), ["ResponseCache"] = typeof(ResponseCacheOptions),
        ["HttpCaching"] = typeof(HttpCachingOptions), ["PersistedQueries"] = typeof(PersistedQueryOptions),
        [TrustedProxies.Section] = typeof(TrustedProxyOptions), ["RequestLogging"] = typeof(RequestLogOptions),
    };

    /// <summary>The value the app holds for a setting (A__B or A__B__0 for a list), as text; null when it has none.</summary>
    private static string? Setting(IServiceProvider services, string[] parts)
    {
        if (parts is ["Logging", "Console", "FormatterName"])
            return services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        if (parts is ["Shutdown", "DrainSeconds"])
            return services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(parts.Length is 2 or 3 && Sections.ContainsKey(parts[0]), $"{string.Join("__", parts)} is not a setting of this app");
        var type = Sections[parts[0]];
        var options = typeof(IOptions<>).MakeGenericType(type).GetProperty("Value")!.GetValue(services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type)));
        var property = type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        Assert.True(property is not null, $"{parts[0]} has no setting {parts[1]}");
        var value = property.GetValue(options);
        if (parts.Length == 3) return value is IList<string> list && int.TryParse(parts[2], out var i) && i < list.Count ? list[i] : null;
        return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"server api:(\d+)")]
    private static partial Regex UpstreamServer();

    private static Dictionary<string, string> EnvironmentOf(YamlMappingNode container) =>
        Seq(container, "env").ToDictionary(e => Text(e, "name")!, e => Text(e, "value")!);

    private static Dictionary<string, string> ComposeEnvironment() =>
        ((YamlMappingNode)Get(Documents("compose.yaml").Single(), "services", "api", "environment")!).Children
            .ToDictionary(c => Text(c.Key), c => Text(c.Value));
}
