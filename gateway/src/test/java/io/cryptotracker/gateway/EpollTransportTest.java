package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * On Linux x86-64 the gateway serves and proxies on Reactor Netty's native epoll transport
 * ({@code netty-transport-native-epoll}, classifier {@code linux-x86_64}), not on NIO's selector: the dependency, its
 * native library and Reactor Netty's choice are all checked, so a build that loses one of them fails here.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64")
class EpollTransportTest extends GatewayIntegrationTest {

    @Test
    void theNativeEpollTransportLoadsOnThisPlatform() {
        assertThat(Epoll.isAvailable()).as("epoll unavailable: %s", Epoll.unavailabilityCause()).isTrue();
    }

    @Autowired
    private ReactorResourceFactory resources;

    @Test
    void theServerAndTheProxyClientRunOnEpollEventLoops() {
        // Boot's Reactor Netty server and the gateway's HttpClient both take their loops from this factory (Reactor
        // Netty's global resources in production; the test context gives the factory its own)
        LoopResources loops = resources.getLoopResources();
        EventLoopGroup server = loops.onServer(true);
        EventLoopGroup client = loops.onClient(true);

        assertThat(loops.onChannelClass(ServerSocketChannel.class, server)).isEqualTo(EpollServerSocketChannel.class);
        assertThat(loops.onChannelClass(SocketChannel.class, client)).isEqualTo(EpollSocketChannel.class);
    }

    @Test
    void requestsAreServedOnThreadsNamedAfterTheEpollTransport() {
        client.get().uri("/api/v1/market/cryptocurrencies").exchange().expectStatus().isOk();

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .anyMatch(name -> name.startsWith("reactor-http-epoll-"))
                .noneMatch(name -> name.startsWith("reactor-http-nio-"));
    }
}
