import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A local SolrCloud for the tests and bin/kh cluster: {@code SolrCloud FOLDER NODES CONFIGSET}
 * starts NODES Solr nodes and an embedded ZooKeeper keeping their state under FOLDER, uploads the
 * configset folder CONFIGSET (its conf/ inside) under its folder's name, prints {@code node URL}
 * for each node and then {@code ready}, and runs until it is stopped; {@code stop N} on its standard
 * input stops node N. Run with the classpath of
 * src/engines/solr/pom.xml by Java's source launcher: it is never compiled into the hub.
 */
public class SolrCloud {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SolrCloud FOLDER NODES CONFIGSET");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        int nodes = Integer.parseInt(args[1]);
        Path configset = Path.of(args[2]);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, folder, JettyConfig.builder().build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception e) {
                System.err.println("SolrCloud did not stop cleanly: " + e);
            }
        }));
        cluster.uploadConfigSet(configset.resolve("conf"), configset.getFileName().toString());
        for (JettySolrRunner node : cluster.getJettySolrRunners()) {
            System.out.println("node " + node.getBaseUrl());
        }
        System.out.println("ready");
        System.out.flush();
        // "stop N" on the standard input stops node N (from 0), as a node that fails: for the tests of replicas.
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null; ) {
            if (line.startsWith("stop ")) {
                int node = Integer.parseInt(line.substring("stop ".length()).strip());
                cluster.stopJettySolrRunner(node);
                System.out.println("stopped " + node);
                System.out.flush();
            }
        }
        Thread.currentThread().join();
    }
}
