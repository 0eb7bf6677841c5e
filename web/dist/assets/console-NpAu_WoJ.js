const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/overview-B_YPsTaN.js","assets/hooks-X1fviBlp.js","assets/stations-CiGIvBUY.js","assets/station-CNscKWGh.js","assets/chart-D5BbmBOD.js","assets/chart-CnsZ1jie.css","assets/qr-BeQdRbUp.js","assets/qr-DiqWpq0g.css","assets/preload-helper-C_TS3VOc.js","assets/station-NhNybKyY.css","assets/transactions-De89nzLN.js","assets/csv-BcCX77dE.js","assets/usage-CPCt82y9.js","assets/tags-DGFiTKhr.js","assets/budget-xXhU3IOu.js","assets/security-CnuWGByF.js","assets/accounts-BlnKTT52.js"])))=>i.map(i=>d[i]);
import{r as e}from"./rolldown-runtime-DoHqwKmD.js";import{n as t}from"./dist-B5d9IcWF.js";import{t as n}from"./preload-helper-C_TS3VOc.js";var r,i,a,o,s,c,l,u,d,f,p,m,h=Symbol.for(`pv`),g={},_=[],v=/^m(i|n|o|s|text|space)$/,y=Array.isArray,b=_.slice,x=Object.assign;function S(e){e&&e.parentNode&&e.remove()}function C(e,t,n){var r,i,a,o={},s=arguments.length;for(a in t)a==`key`?r=t[a]:a==`ref`&&typeof e!=`function`?i=t[a]:o[a]=t[a];return s>2&&(o.children=s>3?b.call(arguments,2):n),T(e,o,r,i,null)}function w(e,t,n){var r,i,a,o=x({},e.props),s=arguments.length;for(a in t)a==`key`?r=t[a]:a==`ref`&&typeof e.type!=`function`?i=t[a]:o[a]=t[a];return s>2&&(o.children=s>3?b.call(arguments,2):n),T(e.type,o,r===void 0?e.key:r,i===void 0?e.ref:i,null)}function T(e,t,n,a,o){var s={type:e,props:t,key:n,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:h,__v:o||++i,__i:-1,__u:0};return!o&&r.vnode&&r.vnode(s),s}function E(e){return e.children}function ee(e,t){this.props=e,this.context=t,this.__g=0}function D(e,t){if(t==null)return e.__&&D(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:D(e)}function O(e){var t,n=e.__v,i=n.__e,a=[],o=[],s=e.__P;s&&((t=x({constructor:h},n)).__v=n.__v+1,r.vnode&&r.vnode(t),se(s,t,n,e.__n,s.namespaceURI,32&n.__u?[i]:null,a,i||D(n),32&n.__u,o),t.__v=n.__v,t.__.__k[t.__i]=t,ue(a,t,o),n.__=n.__e=null,t.__e!=i&&te(t))}function te(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),te(e)}function ne(e){(8&e.__g||(e.__g|=8,o.push(e),c++))&&s==r.debounceRendering||((s=r.debounceRendering)||queueMicrotask)(k)}function k(){try{for(var e,t=1;o.length;)o.length>t&&o.sort(l),e=o.shift(),t=o.length,8&e.__g&&O(e)}finally{(c=o.length)&&(s||queueMicrotask)(k)}}function re(e,t,n,r,i,a,o,s,c,l,u){var d,f,p,m,h,v,y=r.__k||_,b=t.length;for(c=A(n,t,y,c,b),d=0;d<b;d++)(p=n.__k[d])!=null&&(f=~p.__i&&y[p.__i]||g,p.__i=d,v=se(e,p,f,i,a,o,s,c,l,u),m=p.__e,(f.ref!=p.ref||8&f.__u)&&(f.ref&&fe(f.ref,null,p,f),p.ref&&u.push(p.ref,p.__c||m,p)),h||=m,4&p.__u?(c=ie(p,c,e,!f.__v),f.__e&&(f.__e=null)):typeof p.type==`function`&&v!==void 0?c=v:m&&(c=m.nextSibling),p.__u&=-21);return n.__e=h,c}function A(e,t,n,r,i){var a,o,s,c,l,u,d,f,p,m=n.length,g=m,_=0,v=0,b=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=b[a]=T(null,o):y(o)?o=b[a]=T(E,{children:o}):o.constructor===h&&o.__b?o=b[a]=T(o.type,o.props,o.key,o.ref,o.__v):b[a]=o,c=a+_,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=M(o,n,c,g))&&(g--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?_--:l==c+1?_++:l!=c&&(l>c?_--:_++,v=1)):(~l||(i>m?_--:i<m&&_++),typeof o.type!=`function`&&(o.__u|=4))):b[a]=null;if(v){for(u=[],d=[],a=0;a<i;a++)if((o=b[a])&&16&o.__u){for(_=0,f=u.length;_<f;)u[p=_+f>>1]<o.__i?_=p+1:f=p;u[_]=o.__i,d[a]=_+1}for(_=u.length;a--;)d[a]&&(d[a]==_?_--:b[a].__u|=4)}if(g)for(a=0;a<m;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=D(s)),pe(s,s));return r}function ie(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=ie(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=D(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function j(e,t){return t||=[],e!=null&&typeof e!=`boolean`&&(y(e)?e.some(function(e){j(e,t)}):t.push(e)),t}function M(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function N(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function ae(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||N(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||N(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=p[t]||(p[t]=oe(t)),(e.__a||={})[t]=f,a=t!=(t=t.replace(d,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function oe(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[u]==null)t[u]=f++;else if(t[u]<this.__a[e])return;return n(r.event?r.event(t):t)}}}function se(e,t,n,i,a,o,s,c,l,u){var d,f,p,m,g,v,b,C,w,T,O,te,ne,k,A,ie,j,M,N=t.type;if(t.constructor!==h)return null;128&n.__u&&(l=32&n.__u,d=n.__c.__z)&&(t.__u|=l,f=o=[],d.nodeType==8?c=ce(d,o):o.push(d),c=o[0]||c),(d=r.__b)&&d(t);e:if(typeof N==`function`){p=s.length;try{if(C=t.props,w=(d=N.prototype)&&d.render,T=(d=N.contextType)&&i[d.__c],O=d?T?T.props.value:d.__:i,(m=n.__c)?(t.__c=m,2&m.__g&&(m.__g|=1)):(w?t.__c=m=new N(C,O):(t.__c=m=new ee(C,O),m.constructor=N,m.render=me),T&&T.sub(m),m.state||(m.state={}),m.__n=i,m.__g|=8,m.__h=[],m.__k=[]),w&&(m.__s||(m.__s=m.state),N.getDerivedStateFromProps&&(m.__s==m.state&&(m.__s=x({},m.__s)),x(m.__s,N.getDerivedStateFromProps(C,m.__s)))),g=m.props,v=m.state,m.__v=t,n.__c){if(C!==g&&w&&!N.getDerivedStateFromProps&&m.componentWillReceiveProps&&m.componentWillReceiveProps(C,O),t.__v==n.__v&&!(8&m.__g)||!(4&m.__g)&&m.shouldComponentUpdate&&!1===m.shouldComponentUpdate(C,m.__s,O)){t.__v!=n.__v&&(m.props=C,m.state=m.__s,m.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(e){e&&(e.__=t)}),_.push.apply(m.__h,m.__k),m.__k=[],m.__h.length&&s.push(m),c=D(n);break e}m.componentWillUpdate&&m.componentWillUpdate(C,m.__s,O),w&&m.componentDidUpdate&&m.__h.push(function(){m.componentDidUpdate(g,v,b)})}else w&&!N.getDerivedStateFromProps&&m.componentWillMount&&m.componentWillMount(),w&&m.componentDidMount&&m.__h.push(m.componentDidMount);m.context=O,m.props=C,m.__P=e,m.__g&=-5,te=r.__r,ne=w?25:0;do m.__g&=-9,te&&te(t),d=m.render(m.props,m.state=m.__s,m.context);while(8&m.__g&&++ne<25);w&&(_.push.apply(m.__h,m.__k),m.__k=[]),m.state=m.__s,m.getChildContext&&(i=x({},i,m.getChildContext())),w&&n.__c&&m.getSnapshotBeforeUpdate&&(b=m.getSnapshotBeforeUpdate(g,v)),k=d&&d.type===E&&d.key==null?d.props.children:d,C.__P&&(d=c,a=(e=C.__P).namespaceURI,l=o=null,n.props&&n.props.__P!=e&&(n.__k.some(function(e){e&&pe(e,e)}),n.__k=null),c=n.__k?D(n,0):null),c=re(e,y(k)?k:[k],t,n,i,a,o,s,c,l,u),C.__P&&(t.__e=null,c=d),t.__u&=-161,f&&f.some(S),m.__h.length&&s.push(m),1&m.__g&&(m.__g&=-4)}catch(e){if(s.length=p,t.__v=null,l||o){if(e&&e.then){if(t.__u|=128|l,o){for(~(j=o.indexOf(c||void 0))||(j=o.length);(M=o[j-1])&&M.nodeType==8;)j--;for(;j<o.length;j++)if(M=o[j]){if(o[j]=null,A){if(M==ie)break}else{if(M.nodeType!=8)break;M.data.startsWith(`$s`)&&(ie=ce(A=M))}}}if(!A){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;A=c}(d=ce(A=t.__c.__z||(t.__c.__z=A)))?(t.__e=A,c=d):t.__e=c,c&&=c.nextSibling}else o&&o.some(S)}else t.__e=n.__e;t.__k||=n.__k||[],e&&e.then||le(t),r.__e(e,t,n)}}else c=t.__e=de(n.__e,t,n,i,a,o,s,l,u,e);return(d=r.diffed)&&d(t),c}function ce(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function le(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(le))}function ue(e,t,n){for(var i=0;i<n.length;)fe(n[i++],n[i++],n[i++]);r.__c&&r.__c(t,e),e.some(function(t){try{e=t.__h,t.__h=[],e.some(function(e){e.call(t)})}catch(e){r.__e(e,t.__v)}})}function de(e,t,n,i,a,o,s,c,l,u){var d,f,p,m,h,_,x,C,w=n.props||g,T=t.props,E=t.type;if(E==`svg`?a=`http://www.w3.org/2000/svg`:E==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(d=0;d<o.length;d++)if((h=o[d])&&(E?h.localName==E:h.nodeType==3)){e=h,o[d]=null;break}}if(!e){if(C=u.ownerDocument||document,!E)return C.createTextNode(T);e=C.createElementNS(a,E,T.is?T:u),c&&=(r.__m&&r.__m(t,o),!1),o=null}if(E){if(u=E==`template`&&e.content||e,o=E==`textarea`&&T.defaultValue!=null?null:o&&b.call(u.childNodes),!c&&o)for(w={},d=0;d<e.attributes.length;d++)w[(h=e.attributes[d]).name]=h.value;for(d in w)h=w[d],d==`dangerouslySetInnerHTML`?p=h:d==`children`||d in T||d==`value`&&`defaultValue`in T||d==`checked`&&`defaultChecked`in T||ae(e,d,null,h,a);for(d in T)h=T[d],d==`children`?m=h:d==`dangerouslySetInnerHTML`?f=h:d==`value`?_=h:d==`checked`?x=h:c&&typeof h!=`function`||w[d]===h||ae(e,d,h,w[d],a);f?(c||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):(p&&(e.textContent=``),(E==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&v.test(E))&&(a=`http://www.w3.org/1999/xhtml`),re(u,y(m)?m:[m],t,n,i,a,o,s,o?o[0]:n.__k&&D(n,0),c,l),o&&o.some(S)),c&&E!=`textarea`||(d=`value`,E==`progress`&&_==null?e.removeAttribute(d):_==null||_===e[d]&&(E!=`progress`||_)||ae(e,d,_,w[d],a),d=`checked`,x!=null&&x!=e[d]&&ae(e,d,x,w[d],a))}else w===T||c&&e.data==T||(e.data=T);return e}function fe(e,t,n,i){try{typeof e==`function`?t?t.__x=e(t)||1:(i&&=i.__c||i.__e)&&(t=i.__x)&&(i.__x=null,typeof t==`function`?t():e(null)):e.current=t}catch(e){r.__e(e,n)}}function pe(e,t,n){var i,a,o,s;if(r.unmount&&r.unmount(e),!(i=e.ref)||i.current&&i.current!=e.__e||fe(i,null,t,e),i=e.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(e){r.__e(e,t)}i.__P=i.__n=null}if(i=e.__k)for(s=0;s<i.length;s++)i[s]&&pe(i[s],t,typeof e.type!=`function`||n&&!e.props.__P);!n&&(i=e.__c)&&(i=i.__z)&&(a=ce(i,o=[]))&&(i==e.__e&&o.some(S),S(a),S(i)),n||S(e.__e),e.__e=e.__c=e.__=null}function me(e,t,n){return this.constructor(e,n)}function he(e,t){var n,i,a,o;r.__&&r.__(e,t),t.nodeType==9&&(t=t.documentElement),i=(n=e&&32&e.__u)?null:t.__k,t.__k=T(E,{children:[e]}),a=[],o=[],se(t,t.__k,i||g,g,t.namespaceURI,i?null:t.firstChild?b.call(t.childNodes):null,a,i?i.__e:t.firstChild,n,o),ue(a,t.__k,o),t.__k.props.children=null}function ge(e){function t(e){var n,r;return this.getChildContext||(n=new Set,(r={})[t.__c]=this,this.getChildContext=function(){return r},this.shouldComponentUpdate=function(e){this.props.value!=e.value&&n.forEach(function(e){e.__g|=4,ne(e)})},this.sub=function(e){n.add(e);var t=e.componentWillUnmount;e.componentWillUnmount=function(){n.delete(e),t&&t.call(e)}}),e.children}return t.__c=`__cC`+m++,t.__=e,t.Provider=(t.Consumer=function(e,t){return e.children(t)}).contextType=t,t}r={__e:function(e,t,n,r){for(var i,a,o;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((o=(a=i.constructor)&&a.getDerivedStateFromError)&&i.setState(a.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,r||{}),o=1),o&&8&i.__g)return void(i.__g|=2)}catch(t){e=t}}throw c=0,e}},i=0,a=function(e){return e!=null&&e.constructor===h},ee.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=x({},this.state)),typeof e==`function`&&(e=e(x({},n),this.props)),e&&(x(n,e),this.__v&&(t&&this.__k.push(t),ne(this)))},ee.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),ne(this))},ee.prototype.render=E,o=[],c=0,l=function(e,t){return e.__v.__b-t.__v.__b},u=Symbol(),d=/(PointerCapture)$|Capture$/i,f=0,p={},m=0;var P,F,_e,ve,ye=Object.is,be=0,xe=[],Se=[],I=r,Ce=I.__b,we=I.__r,Te=I.diffed,Ee=I.__c,De=I.unmount,Oe=I.__;function L(e,t){I.__h&&I.__h(F,e,be||t),be=0;var n=F.__H||(F.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function R(e){return be=1,ke(He,e)}function ke(e,t,n){var r=L(P++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):He(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);ye(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=F,!F.__f)){F.__f=!0;var i=F.shouldComponentUpdate;F.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,ye(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function Ae(e,t){var n=L(P++,3);!I.__s&&Ve(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,F.__H.__h.push(n))}function je(e,t){var n=L(P++,4);!I.__s&&Ve(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,F.__h.push(n))}function z(e){return be=5,B(function(){return{current:e}},[])}function B(e,t){var n=L(P++,7);return Ve(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Me(e,t){return be=8,B(function(){return e},t)}function Ne(e){var t=F.context[e.__c],n=L(P++,9);return n.c=e,t?(n.__??(n.__=!0,t.sub(F)),t.props.value):e.__}function Pe(){var e=L(P++,11);if(!e.__){for(var t=F.__v;!t.__m&&t.__;)t=t.__;var n=t.__m||(t.__m=[0,0]);e.__=`P`+n[0]+`-`+n[1]++}return e.__}function Fe(){var e;do{for(;e=Se.shift();)try{ze(e)}catch(t){I.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=xe.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(ze),t.__h.some(Be),t.__h=[]}catch(n){t.__h=[],I.__e(n,e.__v)}}}while(Se.length)}I.__b=function(e){F=null,Ce&&Ce(e)},I.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Oe&&Oe(e,t)},I.__r=function(e){we&&we(e),P=0;var t=(F=e.__c).__H;t&&(_e==F?F.__h=[]:(t.__h.some(ze),t.__h.some(Be),P=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),_e=F},I.diffed=function(e){Te&&Te(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Re(xe.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),_e=F=null},I.__c=function(e,t){t.some(function(e){try{e.__h.some(ze),e.__h=e.__h.filter(function(e){return!e.__||Be(e)})}catch(t){e.__h=[function(){throw t}]}}),Ee&&Ee(e,t)},I.unmount=function(e){De&&De(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,Re(Se.push(r))}else ze(r)}catch(e){t=e}}),r.__H=void 0,t&&I.__e(t,r.__v))};var Ie=typeof requestAnimationFrame==`function`;function Le(e){var t,n=function(){clearTimeout(r),Ie&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Ie&&(t=requestAnimationFrame(n))}function Re(e){e!=1&&ve==I.requestAnimationFrame||((ve=I.requestAnimationFrame)||Le)(Fe)}function ze(e){var t=F,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),F=t}function Be(e){var t=F;e.__c=e.__(),F=t}function Ve(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!ye(t,e[n])})}function He(e,t){return typeof t==`function`?t(e):t}var Ue,We;function Ge(e){return!We||(typeof We==`string`?e.startsWith(We):We.test(e))}function Ke(e,t){let n=``;if(Ue=void 0,t&&t.type===`click`){if(t.ctrlKey||t.metaKey||t.altKey||t.shiftKey||t.button!==0)return e;let r=t.composedPath().find(e=>e.nodeName==`A`&&e.href),i=r&&r.getAttribute(`href`);if(!r||r.origin!=location.origin||/^#/.test(i)||!/^(_?self)?$/i.test(r.target)||!Ge(i)||r.download)return e;Ue=!0,t.preventDefault(),n=r.href.replace(location.origin,``)}else t&&t.url?(Ue=!t.replace,n=t.url):n=location.pathname+location.search;return Ue===!0?history.pushState(null,``,n):Ue===!1&&history.replaceState(null,``,n),n}var qe=(e,t,n={})=>{e=e.split(`/`).filter(Boolean),t=(t||``).split(`/`).filter(Boolean),n.params||={};for(let r=0,i,a;r<Math.max(e.length,t.length);r++){let[,o,s,c]=(t[r]||``).match(/^(:?)(.*?)([+*?]?)$/);if(i=e[r],o||s!=i){if(!o&&i&&c==`*`){n.rest=`/`+e.slice(r).join(`/`);break}if(!o||!i&&c!=`?`&&c!=`*`)return;if(a=c==`+`||c==`*`,a?i=e.slice(r).map(decodeURIComponent).join(`/`)||void 0:i&&=decodeURIComponent(i),n.params[s]=i,s in n||(n[s]=i),a)break}}return n};function Je(e){let[t,n]=ke(Ke,e.url||location.pathname+location.search);e.scope&&(We=e.scope);let r=Ue===!0,i=B(()=>{let e=new URL(t,location.origin),i=e.pathname.replace(/\/+$/g,``)||`/`;return{url:t,path:i,query:Object.fromEntries(e.searchParams),route:(e,t)=>n({url:e,replace:t}),back:()=>{history.back()},forward:()=>{history.forward()},wasPush:r}},[t]);return je(()=>(addEventListener(`click`,n),addEventListener(`popstate`,n),()=>{removeEventListener(`click`,n),removeEventListener(`popstate`,n)}),[]),C(Je.ctx.Provider,{value:i},e.children)}var Ye=Promise.resolve();function Xe(e){let[t,n]=ke(e=>e+1,0),{url:r,query:i,wasPush:a,path:o}=tt();if(!r)throw Error(`preact-iso's <Router> must be used within a <LocationProvider>, see: https://github.com/preactjs/preact-iso#locationprovider`);let{rest:s=o,params:c={}}=Ne(et),l=z(!1),u=z(o),d=z(1),f=z(),p=z(),m=z(),h=z(!1),g=z();g.current=!1;let _,v,y;j(e.children).some(e=>{if(qe(s,e.props.path,y={...e.props,path:s,query:i,params:Object.assign({},c),rest:``}))return _=w(e,y);e.props.default&&(v=w(e,y))});let b=_||v,x=f.current&&f.current.__u&Ze&&f.current.__u&Qe,S=f.current&&f.current.__h,T=B(()=>{p.current=f.current,f.current=C(et.Provider,{value:y},b);let e=p.current&&p.current.props.children;return!e||!b||b.type!==e.type||b.props.component!==e.props.component?(d.current++,!0):!1},[r,JSON.stringify(y)]);x?(f.current.__u|=Ze,f.current.__u|=Qe):S&&(f.current.__h=!0);let E=p.current;return p.current=null,this.__c=(t,i)=>{g.current=!0,p.current=E,e.onLoadStart&&e.onLoadStart(r),l.current=!0;let a=d.current;t.then(()=>{a===d.current&&(p.current=null,f.current&&(i.__h&&(f.current.__h=i.__h),i.__u&Qe&&(f.current.__u|=Qe),i.__u&Ze&&(f.current.__u|=Ze)),Ye.then(n))})},je(()=>{let t=this.__v&&this.__v.__e;g.current?!h.current&&!m.current&&(m.current=t):(!h.current&&m.current&&(m.current!==t&&m.current.remove(),m.current=null),h.current=!0,u.current!==o&&(a&&scrollTo(0,0),e.onRouteChange&&e.onRouteChange(r),u.current=o),e.onLoadEnd&&l.current&&e.onLoadEnd(r),l.current=!1)},[o,a,t]),T?[C($e,{r:f,key:d.current}),C($e,{r:p,key:d.current-1})]:C($e,{r:f,key:d.current})}var Ze=32,Qe=128,$e=({r:e})=>e.current;Xe.Provider=Je,Je.ctx=ge({});var et=ge({}),V=e=>C(e.component,e),tt=()=>Ne(Je.ctx),nt=()=>Ne(et),rt=r.__b;r.__b=e=>{e.type&&e.type._forwarded&&e.ref&&(e.props.ref=e.ref,e.ref=null),rt&&rt(e)};function H(e){let t,n,r=()=>e().then(e=>n=e&&e.default||e),i=e=>{let[,i]=R(0),a=z(n);if(t||=r(),n!==void 0)return C(n,e);throw a.current||=t.then(()=>i(1)),t};return i.preload=()=>(t||=r(),t),i._forwarded=!0,i}var it=r.__e;r.__e=(e,t,n)=>{if(e&&e.then){let r=t;for(;r=r.__;)if(r.__c&&r.__c.__c)return t.__e??(t.__c.__z=[n.__e],t.__e=n.__e,t.__k=n.__k),t.__k||=[],r.__c.__c(e,t)}it&&it(e,t,n)};function at(e){return this.__c=ot,this.componentDidCatch=e.onError,e.children}function ot(e){e.then(()=>this.forceUpdate())}var st=e({default:()=>ct}),ct={"accounts.adminsOnly":`Only operators and administrators manage accounts.`,"accounts.username":`Username`,"accounts.password":`Password`,"accounts.newPassword":`New password`,"accounts.roleLabel":`Role`,"accounts.role.ADMIN":`Administrator`,"accounts.role.OPERATOR":`Operator`,"accounts.role.VIEWER":`Viewer`,"accounts.role.DRIVER":`Driver`,"accounts.stations":`Stations`,"accounts.allStations":`all stations`,"accounts.scope":`Station scope`,"accounts.scopeHint":`"all", or station ids separated by commas or spaces`,"accounts.created":`Created`,"accounts.updated":`Changed`,"accounts.actions":`Actions`,"accounts.you":`you`,"accounts.edit":`Edit`,"accounts.editOf":`Edit account {name}`,"accounts.editTitle":`Account {name}`,"accounts.create":`New account`,"accounts.createSubmit":`Create account`,"accounts.createdOk":`Account {name} created.`,"accounts.saveRole":`Save role and scope`,"accounts.savedOk":`Account {name} saved.`,"accounts.resetPassword":`Reset password`,"accounts.resetQuestion":`Set a new password for {name}? Tokens already issued stay valid until they expire.`,"accounts.passwordOk":`The password of {name} was changed.`,"accounts.deleteTitle":`Delete`,"accounts.delete":`Delete account`,"accounts.deleteQuestion":`Delete the account {name}? Tokens already issued stay valid until they expire.`,"accounts.deletedOk":`Account {name} deleted.`,"accounts.deletedNone":`There was no such account.`,"accounts.operatorIntro":`Drivers' accounts: create them, give them id tags and energy budgets, approve the ones who registered themselves.`,"accounts.idTags":`Id tags`,"accounts.noTags":`No id tag yet.`,"accounts.pendingBadge":`waiting for approval`,"accounts.pendingTitle":`Waiting for approval ({n})`,"accounts.pendingIntro":`These drivers registered themselves. They can sign in once approved; rejecting deletes the account.`,"accounts.approve":`Approve`,"accounts.approveOf":`Approve {name}`,"accounts.approvedOk":`Account {name} approved: it can sign in now.`,"accounts.rejectOf":`Reject {name}`,"accounts.rejectQuestion":`Reject {name}? The account is deleted.`,"accounts.rejectedOk":`Account {name} rejected and deleted.`,"accounts.createDriver":`New driver account`,"accounts.createDriverSubmit":`Create driver account`,"accounts.firstTag":`Id tag (optional)`,"accounts.firstTagHint":`Given to the new driver: a registered tag, or a new one (registered as accepted)`,"accounts.createdWithTag":`Account {name} created, with id tag {tag}.`,"accounts.createdTagOwned":`Account {name} created. Id tag {tag} belongs to {owner}: give it below if you mean to.`,"accounts.giveTag":`Give id tag`,"accounts.giveTagOf":`Give {name} an id tag`,"accounts.giveTagLabel":`Id tag to give`,"accounts.giveTagHint":`A registered tag changes owner; a new one is registered as accepted`,"accounts.tagGivenOk":`Id tag {tag} now belongs to {name}.`,"accounts.tagCreatedOk":`Id tag {tag} registered for {name}.`,"accounts.tagOwnedBy":`Id tag {tag} belongs to {owner}.`,"accounts.takeOver":`Give it to {name} anyway`,"accounts.takeBack":`Take back`,"accounts.takeBackOf":`Take id tag {tag} back from {name}`,"accounts.takenBackOk":`Id tag {tag} no longer belongs to {name}.`,"accounts.budgetIntro":`A budget over all the driver's id tags together. When it is used up, they are refused until the period ends.`,"accounts.budgetOf":`Energy budget of {name}`,"accounts.budgetSavedOk":`The budget of {name} is saved.`,"accounts.budgetRemovedOk":`The budget of {name} is removed.`},lt=e({default:()=>ut}),ut={"budget.title":`Energy budget`,"budget.none":`No budget`,"budget.perWeek":`a week`,"budget.perMonth":`a month`,"budget.exhausted":`used up`,"budget.usedLeft":`{used} used, {left} left`,"budget.until":`this period ends {date}`,"budget.limit":`Budget (kWh)`,"budget.limitHint":`Energy allowed per period, e.g. 50 or 12.5`,"budget.period":`Period`,"budget.month":`Calendar month`,"budget.week":`Week (from Monday)`,"budget.save":`Save budget`,"budget.remove":`Remove budget`,"budget.removeQuestion":`Remove this budget? Charging is no longer limited by it.`,"budget.badLimit":`Enter the budget in kWh, a number above 0.`,"budget.intro":`When the budget is used up, the tags it covers are refused (Blocked) until the period ends, and a running session is stopped.`,"budget.savedOk":`Budget saved.`,"budget.removedOk":`Budget removed.`},dt=e({default:()=>ft}),ft={"nav.label":`Main`,"nav.skip":`Skip to content`,"nav.overview":`Overview`,"nav.stations":`Stations`,"nav.station":`Station`,"nav.transactions":`Transactions`,"nav.usage":`Usage`,"nav.tags":`Id tags`,"nav.security":`Approvals & security`,"nav.accounts":`Accounts`,"nav.language":`Language`,"nav.signOut":`Sign out`,"login.intro":`Sign in to the central system's console.`,"login.username":`Username`,"login.password":`Password`,"login.token":`Token`,"login.submit":`Sign in`,"login.withToken":`Sign in with a token instead`,"login.withPassword":`Sign in with a password instead`,"login.expired":`Your session has ended. Please sign in again.`,"common.cancel":`Cancel`,"common.confirm":`Confirm`,"common.save":`Save`,"common.send":`Send`,"common.search":`Search`,"common.loading":`Loading…`,"common.none":`Nothing here yet.`,"common.notFound":`Page not found`,"common.pages":`Pages`,"common.previous":`Previous`,"common.next":`Next`,"common.total":`{n} in all`,"common.exportCsv":`Export CSV`,"common.all":`All`,"common.yes":`Yes`,"common.no":`No`,"common.live":`Live`,"command.answer":`The station answered`,"error.generic":`The request failed.`,"error.NETWORK":`The server cannot be reached.`,"error.UNAUTHENTICATED":`Please sign in again.`,"error.FORBIDDEN":`Your account may not do this.`,"error.NOT_FOUND":`Not found.`,"error.BAD_USER_INPUT":`Please check what you entered.`,"error.CONFLICT":`This already exists.`,"error.RATE_LIMITED":`Too many attempts; please wait a moment.`,"error.STATION_OFFLINE":`The station is not connected.`,"error.STATION_TIMEOUT":`The station did not answer in time.`,"error.STATION_UNREACHABLE":`The node holding the station's connection cannot be reached.`,"error.STATION_ERROR":`The station answered with an error.`,"error.LIMIT_EXCEEDED":`The request is larger than the server allows.`,"error.INTERNAL":`The server failed; see its log.`,"error.REFUSED":`The server refused this command.`,"error.LAGGED":`Live updates fell behind; re-reading.`,"common.time":`Time`,"nav.driversApp":`Drivers' app`,"nav.noApp":`The drivers' app is not in this build of the server.`,"nav.toApp":`Opening the drivers' app…`,"nav.myAccount":`My account`,"nav.pendingAccounts":`({n} waiting for approval)`},pt=e({default:()=>mt}),mt={"myAccount.username":`Username`,"myAccount.role":`Role`,"myAccount.stations":`Stations`,"myAccount.allStations":`all stations`,"myAccount.changePassword":`Change my password`,"myAccount.current":`Current password`,"myAccount.new":`New password`,"myAccount.again":`New password again`,"myAccount.mismatch":`The two new passwords differ.`,"myAccount.submit":`Change password`,"myAccount.changed":`Your password was changed. Sign in with it next time.`,"myAccount.wrongCurrent":`The current password is not right, or this token is not an account's.`},ht=e({default:()=>gt}),gt={"overview.live":`Live`,"overview.connecting":`Connecting…`,"overview.reconnecting":`Reconnecting…`,"overview.updatedAt":`updated`,"overview.stations":`Stations`,"overview.allStations":`All stations`,"overview.online":`Online`,"overview.offline":`Offline`,"overview.pending":`Pending approval`,"overview.rejected":`Rejected`,"overview.connectors":`Connectors`,"overview.available":`Available`,"overview.charging":`Charging`,"overview.chargingNow":`Charging now`,"overview.preparing":`Preparing`,"overview.suspended":`Suspended`,"overview.finishing":`Finishing`,"overview.faulted":`Faulted`,"overview.unavailable":`Unavailable`,"overview.reserved":`Reserved`,"overview.today":`Today`,"overview.energyToday":`Energy delivered today`,"overview.activeSessions":`Active sessions`,"overview.attention":`Needs attention`,"overview.nothingNeedsAttention":`Nothing needs attention right now.`,"overview.attentionLimited":`Showing the first {n} items.`,"overview.kind.connectorFaulted":`Connector faulted`,"overview.kind.stationOffline":`Station offline`,"overview.kind.stationPending":`Waiting for approval`,"overview.kind.handshakeRefused":`Connection refused`,"overview.kind.securityEvent":`Security event`,"overview.col.what":`What`,"overview.col.station":`Station`,"overview.col.detail":`Detail`,"overview.col.since":`Since`,"overview.col.action":`Action`,"overview.connector":`connector {n}`,"overview.approve":`Approve`,"overview.approveQuestion":`Accept station {id}? Its next BootNotification will be answered Accepted and it may then charge.`,"overview.approved":`Station {id} is approved.`,"overview.show":`Show`,"overview.showAll":`All ({n})`},_t=e({default:()=>vt}),vt={"qr.title":`QR codes for drivers`,"qr.intro":`Each code opens the drivers' app ready to charge at that connector. Print them as stickers for the charger.`,"qr.codeOf":`QR code of the drivers' link to connector {n}`,"qr.printStickers":`Printable stickers`,"qr.stickersTitle":`QR stickers: {name}`,"qr.stickersIntro":`One sticker per connector. Print this page (only the stickers go on paper), cut along the dashed lines and stick each one on its connector.`,"qr.stickerOf":`Sticker of connector {n}`,"qr.instruction":`Scan with your phone to charge here`,"qr.print":`Print`,"qr.backToStation":`Back to the station`},yt=e({default:()=>bt}),bt={"security.operatorsOnly":`Only operators and administrators see approvals and security.`,"security.tabs":`Sections`,"security.tab.approvals":`Approvals`,"security.tab.profiles":`Security profiles and keys`,"security.tab.events":`Security events`,"security.tab.csr":`Certificate signing requests`,"security.actions":`Actions`,"security.station":`Station`,"security.stationId":`Station id`,"security.stationIdHint":`The exact id; empty lists every station`,"security.vendorModel":`Vendor and model`,"security.firmware":`Firmware`,"security.connected":`Connection`,"security.firstSeen":`First seen`,"security.registration":`Registration`,"security.approvalsIntro":`Stations waiting for approval: their BootNotification is answered Pending until you accept or reject them.`,"security.noPending":`No station is waiting for approval.`,"security.approve":`Accept`,"security.approveOf":`Accept station {id}`,"security.approvedOk":`Station {id} is accepted.`,"security.rejectOf":`Reject station {id}`,"security.rejectQuestion":`Reject station {id}? Its next BootNotification is answered Rejected.`,"security.rejectedOk":`Station {id} is rejected.`,"security.approveById":`Accept a station by its id`,"security.approveByIdIntro":`Registers a station that has not connected yet, so it is accepted at once when it does.`,"security.approveStation":`Accept station`,"security.profilesIntro":`The security profile each station must connect with, and whether its AuthorizationKey (HTTP Basic password) is stored.`,"security.noStation":`There is no station with this id.`,"security.profile":`Security profile`,"security.key":`AuthorizationKey`,"security.keySet":`stored`,"security.keyNone":`none`,"security.manage":`Manage`,"security.manageOf":`Manage the security of station {id}`,"security.manageTitle":`Security of station {id}`,"security.morePrefix":`Other commands and the configuration are on the`,"security.stationPage":`station's page`,"security.profileHelp":`Sets the profile without telling the station: for provisioning, or to lower it. To raise it on a connected station, change its SecurityProfile configuration key instead.`,"security.setProfile":`Set security profile`,"security.profileQuestion":`Require station {id} to connect with security profile {profile}? A station that cannot will no longer connect.`,"security.profileAdminsOnly":`Only administrators set the security profile.`,"security.profileOk":`The station must now connect with security profile {profile}.`,"security.keyHelp":`16 to 20 random bytes as 32 to 40 hexadecimal digits. Only a hash is stored: copy the key now, it is not shown again.`,"security.keyInput":`New AuthorizationKey`,"security.keyHint":`32 to 40 hexadecimal digits`,"security.generateKey":`Generate a key`,"security.sendToStation":`Send it to the station (stored only if the station accepts)`,"security.setKey":`Set AuthorizationKey`,"security.keyStored":`The key is stored. Copy it now; it is not shown again:`,"security.pickStation":`Enter a station id to see its security events, live.`,"security.eventsOf":`Security events of station {id}`,"security.noEvents":`This station has sent no security events.`,"security.when":`When (station clock)`,"security.type":`Type`,"security.techInfo":`Technical details`,"security.received":`Received`,"security.csrState":`State`,"security.csr.PENDING":`Waiting for a certificate`,"security.csr.ACCEPTED":`Certificate accepted`,"security.csr.CERTIFICATE_REJECTED":`Certificate rejected by the station`,"security.csr.REJECTED":`Request rejected`,"security.noCsrs":`No certificate signing requests match.`,"security.csrId":`Request`,"security.subject":`Subject`,"security.answer":`Station's answer`,"security.signedBy":`signed by {who}`,"security.sign":`Send certificate`,"security.signOf":`Send a certificate for request {id}`,"security.signTitle":`Certificate for request {id} of station {station}`,"security.showCsr":`Show the request (PEM)`,"security.chain":`Certificate chain (PEM)`,"security.chainHint":`The station's certificate first, then the intermediate certificates`,"security.sendChain":`Send to the station`},xt=e({default:()=>St}),St={"station.title":`Station`,"station.staffOnly":`Station pages are for operators' staff.`,"station.notFound":`There is no station {id}, or your account does not cover it.`,"station.backToList":`Back to the stations`,"station.tabs":`Station sections`,"station.tab.overview":`Overview`,"station.tab.journal":`Journal`,"station.tab.configuration":`Configuration`,"station.tab.commands":`Commands`,"station.online":`Connected`,"station.offline":`Offline`,"station.connectedSince":`connected {ago}`,"station.lastSeen":`last seen {ago}`,"station.connectors":`Connectors`,"station.chargePointStatus":`Charge point (connector 0)`,"station.noConnectors":`The station has not reported any connector yet.`,"station.connector":`Connector {n}`,"station.connectorLabel":`Connector`,"station.errorCode":`Error`,"station.statusSince":`Status since`,"station.transaction":`Transaction`,"station.idTag":`Id tag`,"station.started":`Started`,"station.duration":`Duration`,"station.energy":`Energy so far`,"station.power":`Power now`,"station.noTransaction":`None running`,"station.lastReading":`Last meter reading`,"station.identity":`Identity and boot data`,"station.id":`Id`,"station.registration":`Registration`,"station.securityProfile":`Security profile`,"station.authorizationKey":`Authorisation key`,"station.vendor":`Vendor`,"station.model":`Model`,"station.chargePointSerial":`Charge point serial number`,"station.chargeBoxSerial":`Charge box serial number`,"station.firmware":`Firmware`,"station.firmwareStatus":`Firmware status`,"station.diagnostics":`Diagnostics`,"station.diagnosticsStatus":`Diagnostics status`,"station.iccid":`ICCID`,"station.imsi":`IMSI`,"station.meterType":`Meter type`,"station.meterSerial":`Meter serial number`,"station.firstSeen":`First seen`,"station.lastBoot":`Last boot`,"station.lastHeartbeat":`Last heartbeat`,"station.lastSeenAt":`Last seen`,"station.connectedSinceLabel":`Connected since`,"station.details":`Operator's details`,"station.displayName":`Display name`,"station.site":`Site`,"station.siteHint":`Car park or building; stations are grouped by it.`,"station.address":`Address`,"station.coordinates":`Coordinates`,"station.latitude":`Latitude`,"station.longitude":`Longitude`,"station.note":`Note`,"station.editDetails":`Edit details`,"station.coordinatesBoth":`Give both latitude and longitude, or neither.`,"station.latitudeRange":`Latitude must be a number from -90 to 90.`,"station.longitudeRange":`Longitude must be a number from -180 to 180.`,"station.chart":`Meter values, last 24 hours`,"station.chartEmpty":`No energy or power readings in the last 24 hours.`,"station.chartLabel":`Chart of the station's energy register and power per connector over the last 24 hours`,"station.chartEnergy":`Energy, connector {n}`,"station.chartPower":`Power, connector {n}`,"station.journal":`OCPP journal`,"station.journalFilters":`Journal filters`,"station.action":`Action`,"station.direction":`Direction`,"station.directionIn":`Station → server`,"station.directionOut":`Server → station`,"station.journalLive":`Show new frames as they arrive`,"station.journalNewest":`Back to the newest`,"station.journalFollowing":`Following new frames`,"station.journalStill":`New frames are not added while you read older pages or pause.`,"station.journalEmpty":`No frames match.`,"station.bytes":`{n} bytes`,"station.truncated":`cut (only the start is stored)`,"station.messageId":`Message id`,"station.configuration":`Configuration`,"station.operatorsOnly":`Only operators and administrators may do this; your account may view the station.`,"station.adminsOnly":`Only administrators may do this.`,"station.offlineNote":`The station is not connected now: commands will fail until it reconnects.`,"station.readConfiguration":`Read from the station`,"station.configKeys":`Keys (optional)`,"station.configKeysHint":`Separated by commas or spaces; empty reads every key.`,"station.unknownKeys":`Keys the station does not know`,"station.configFilter":`Filter keys`,"station.configCount":`{n} keys`,"station.configKey":`Key`,"station.configValue":`Value`,"station.configReadonly":`Read-only`,"station.newValue":`New value of {key}`,"station.changeKey":`Change {key}`,"station.change":`Change`,"station.changeAnyKey":`Change a key`,"station.changeConfiguration":`Change`,"station.sending":`Waiting for the station's answer…`,"station.commands":`Remote commands`,"station.commandGroups":`Command groups`,"station.group.control":`Control`,"station.group.authorization":`Local list and reservations`,"station.group.charging":`Smart charging`,"station.group.firmware":`Firmware and diagnostics`,"station.group.security":`Security and registration`,"station.anyConnector":`Any connector`,"station.wholeStation":`Whole station (0)`,"station.cmd.remoteStart":`Start a transaction`,"station.cmd.start":`Start`,"station.cmd.remoteStop":`Stop a transaction`,"station.cmd.stop":`Stop`,"station.cmd.reset":`Reset`,"station.cmd.unlock":`Unlock connector`,"station.cmd.availability":`Availability`,"station.cmd.changeAvailability":`Change availability`,"station.cmd.clearCache":`Clear authorisation cache`,"station.cmd.trigger":`Trigger a message`,"station.cmd.extendedTrigger":`Trigger a message (extended)`,"station.cmd.triggerSend":`Ask for it`,"station.cmd.dataTransfer":`Data transfer`,"station.cmd.sendLocalList":`Send the local list`,"station.cmd.getLocalListVersion":`Local list version`,"station.cmd.ask":`Ask the station`,"station.cmd.reserveNow":`Reserve a connector`,"station.cmd.reserve":`Reserve`,"station.cmd.cancelReservation":`Cancel reservation {id}`,"station.cmd.setProfile":`Install a charging profile`,"station.cmd.install":`Install`,"station.cmd.clearProfile":`Clear charging profiles`,"station.cmd.clear":`Clear`,"station.cmd.composite":`Composite schedule`,"station.cmd.updateFirmware":`Update firmware`,"station.cmd.getDiagnostics":`Get diagnostics`,"station.cmd.installCertificate":`Install a root certificate`,"station.cmd.installedCertificates":`Installed root certificates`,"station.cmd.deleteCertificate":`Delete a certificate`,"station.cmd.delete":`Delete`,"station.cmd.certificateSigned":`Send a signed certificate`,"station.cmd.getLog":`Get a log`,"station.cmd.signedUpdateFirmware":`Update signed firmware`,"station.cmd.setSecurityProfile":`Set the security profile`,"station.cmd.setAuthorizationKey":`Set the authorisation key`,"station.cmd.approve":`Approve station`,"station.cmd.reject":`Reject station`,"station.confirm.stop":`Stop this transaction? The driver's charging ends.`,"station.confirm.softReset":`Reset the station softly? It stops its transactions and reboots.`,"station.confirm.hardReset":`Reset the station hard? It reboots at once, even while charging.`,"station.confirm.unlock":`Unlock connector {n}? A cable in it may come loose.`,"station.confirm.inoperative":`Make it inoperative? No one can charge there until it is made operative again.`,"station.confirm.clearCache":`Clear the station's authorisation cache?`,"station.confirm.fullList":`Replace the station's whole local list with these tags?`,"station.confirm.firmware":`Send this firmware to the station? It will install it and may reboot.`,"station.confirm.clearProfile":`Clear the matching charging profiles? With no criteria, all of them.`,"station.confirm.deleteCertificate":`Delete this certificate from the station?`,"station.confirm.securityProfile":`Set the station's security profile to {n}? It must connect with that profile afterwards.`,"station.confirm.authorizationKey":`Set the station's authorisation key? Its old password stops working.`,"station.confirm.reject":`Reject this station? It may send nothing but BootNotification until approved.`,"station.confirm.cancelReservation":`Cancel reservation {id}?`,"station.noRunning":`No transaction is running on this station.`,"station.runningTx":`#{id} on connector {n} ({tag})`,"station.resetType":`Kind of reset`,"station.resetSoft":`Soft (after stopping transactions)`,"station.resetHard":`Hard (at once)`,"station.availabilityType":`Make it`,"station.clearCacheHint":`The station forgets the id tags it cached and asks the server again.`,"station.requestedMessage":`Message`,"station.vendorId":`Vendor id`,"station.messageIdOptional":`Message id (optional)`,"station.dataOptional":`Data (optional)`,"station.dataAnswer":`Data the station sent back:`,"station.localList":`Local authorisation list`,"station.updateType":`Kind of update`,"station.listTagsFull":`Id tags of the new list`,"station.listTagsAdd":`Id tags to add or update`,"station.listTagsRemove":`Id tags to remove`,"station.tagsHint":`Separated by commas, spaces or new lines; each tag's status comes from the server.`,"station.listVersionOptional":`List version (optional)`,"station.listVersionSent":`Version sent: {v}`,"station.listVersionAnswer":`The station's list version: {v} (stored by the server: {stored}).`,"station.localListHeld":`The list the station holds`,"station.localListNone":`The station never accepted a local list.`,"station.localListMeta":`Version {v}, accepted {at}`,"station.localListEmpty":`The list is empty.`,"station.tagStatus":`Status`,"station.expiry":`Expires`,"station.parentIdTag":`Parent tag`,"station.parentIdTagOptional":`Parent tag (optional)`,"station.reservations":`Reservations`,"station.reservationId":`Reservation #{id}`,"station.reservationList":`The station's reservations`,"station.includeEnded":`Include ended ones`,"station.noReservations":`No reservations.`,"station.state":`State`,"station.actions":`Actions`,"station.invalidNumber":`Please enter whole numbers where numbers are asked for.`,"station.invalidDate":`Please enter a valid date and time.`,"station.profileId":`Profile id`,"station.profileIdOptional":`Profile id (optional)`,"station.stackLevel":`Stack level`,"station.stackLevelOptional":`Stack level (optional)`,"station.purpose":`Purpose`,"station.transactionIdOptional":`Transaction id (optional)`,"station.kind":`Kind`,"station.recurrency":`Recurs`,"station.rateUnit":`Rate unit`,"station.validFromOptional":`Valid from (optional)`,"station.validToOptional":`Valid until (optional)`,"station.periods":`Periods`,"station.periodStart":`Period {n}: start (seconds)`,"station.periodLimit":`Period {n}: limit ({unit})`,"station.periodPhases":`Period {n}: phases (optional)`,"station.removePeriod":`Remove period {n}`,"station.addPeriod":`Add a period`,"station.clearProfileHint":`Give a profile id, or criteria; none clears every profile.`,"station.durationSeconds":`Duration (seconds)`,"station.stationChooses":`The station's own`,"station.compositeSchedule":`Composite schedule`,"station.profilesHeld":`Charging profiles the station holds`,"station.noProfiles":`No charging profiles.`,"station.validity":`Valid`,"station.installedAt":`Installed`,"station.endedAt":`Ended`,"station.schedule":`Schedule`,"station.from":`from`,"station.periodStartCol":`From (after start)`,"station.limit":`Limit`,"station.phases":`Phases`,"station.firmwareLocation":`Firmware address (URL)`,"station.retrieveDate":`Download from`,"station.retriesOptional":`Retries (optional)`,"station.retryIntervalOptional":`Seconds between retries (optional)`,"station.firmwareRequested":`Sent; the station acknowledged it (request {id}). Progress appears as its firmware status.`,"station.diagnosticsLocation":`Upload address (optional)`,"station.diagnosticsLocationHint":`Empty: the station uploads to this server, and the file can be downloaded here.`,"station.startTimeOptional":`From (optional)`,"station.stopTimeOptional":`Until (optional)`,"station.diagnosticsFile":`The station will upload {name}.`,"station.diagnosticsNoFile":`The station has no diagnostics to upload.`,"station.firmwareUpdates":`Firmware update requests`,"station.diagnosticsRequests":`Diagnostics requests`,"station.noneYet":`None yet.`,"station.requestedAt":`Requested`,"station.location":`Address`,"station.requestedBy":`By`,"station.file":`File`,"station.uploadedAt":`Uploaded`,"station.uploadUntil":`waiting, until {at}`,"station.download":`Download {name}`,"station.statusNotifications":`Firmware and diagnostics notifications`,"station.registrationGroup":`Registration`,"station.registrationIs":`Its BootNotification is answered:`,"station.registrationHint":`Approving lets the station send anything; rejecting answers its next BootNotification with Rejected.`,"station.registrationNow":`Registration is now {status}.`,"station.certificates":`Certificates`,"station.certificateType":`Kind of certificate`,"station.certificatePem":`Certificate (PEM)`,"station.deleteCertificateHint":`The hash data as the station lists it (see Installed root certificates).`,"station.deleteCertificate":`Delete certificate {serial}`,"station.hashAlgorithm":`Hash algorithm`,"station.issuerNameHash":`Issuer name hash`,"station.issuerKeyHash":`Issuer key hash`,"station.serialNumber":`Serial number`,"station.certificateSignedHint":`A chain signed elsewhere for the station's certificate signing request, the station's certificate first.`,"station.csrIdOptional":`Signing request`,"station.newestPendingCsr":`The newest pending one`,"station.certificateChain":`Certificate chain (PEM)`,"station.logsAndFirmware":`Logs and signed firmware`,"station.logType":`Log`,"station.remoteLocation":`Upload address (URL)`,"station.oldestOptional":`Oldest entry (optional)`,"station.latestOptional":`Newest entry (optional)`,"station.logRequestId":`Request id {id}`,"station.installDateOptional":`Install from (optional)`,"station.signature":`Signature (Base64)`,"station.signingCertificate":`Signing certificate (PEM)`,"station.logRequests":`Log requests`,"station.signedFirmwareUpdates":`Signed firmware update requests`,"station.securityProfileGroup":`Security profile and key`,"station.securityProfileHint":`Stored without telling the station: for provisioning, or to lower it. To raise the profile of a connected station, change its SecurityProfile configuration key instead.`,"station.securityProfileSet":`The station's security profile is now {n}.`,"station.authorizationKeyHint":`The station's HTTP Basic password for security profiles 1 and 2; only its hash is kept.`,"station.authorizationKeyFormat":`32 to 40 hexadecimal digits (16 to 20 bytes).`,"station.authorizationKeyStored":`The key is stored.`,"station.sendToStation":`Send it to the station (stored only if it accepts)`,"station.answer.ACCEPTED":`Accepted.`,"station.answer.REJECTED":`The station refused.`,"station.answer.REBOOT_REQUIRED":`Accepted; it takes effect after a reboot.`,"station.answer.NOT_SUPPORTED":`The station does not support this.`,"station.answer.SCHEDULED":`Accepted; it takes effect when the running transaction ends.`,"station.answer.UNLOCKED":`Unlocked.`,"station.answer.UNLOCK_FAILED":`The station could not unlock the connector.`,"station.answer.UNKNOWN":`The station has nothing that matches.`,"station.answer.NOT_IMPLEMENTED":`The station does not implement this message.`,"station.answer.UNKNOWN_MESSAGE_ID":`The station does not know this message id.`,"station.answer.UNKNOWN_VENDOR_ID":`The station does not know this vendor id.`,"station.answer.FAILED":`The station tried and failed.`,"station.answer.NOT_FOUND":`The station has no such certificate.`,"station.answer.VERSION_MISMATCH":`The list version does not follow the station's; send a full list.`,"station.answer.FAULTED":`The connector is faulted.`,"station.answer.OCCUPIED":`The connector is occupied.`,"station.answer.UNAVAILABLE":`The connector is unavailable.`,"station.answer.ACCEPTED_CANCELED":`Accepted; an earlier request was cancelled.`,"station.answer.INVALID_CERTIFICATE":`The signing certificate is invalid.`,"station.answer.REVOKED_CERTIFICATE":`The signing certificate is revoked.`,"station.neverConnected":`never connected`},Ct=e({default:()=>wt}),wt={"stations.filters":`Find stations`,"stations.search":`Search`,"stations.searchHint":`Id, name, site, vendor or model`,"stations.connection":`Connection`,"stations.online":`Online`,"stations.offline":`Offline`,"stations.registration":`Registration`,"stations.connectorStatus":`Connector status`,"stations.site":`Site`,"stations.siteOption":`{name} ({n})`,"stations.sites":`Sites ({n})`,"stations.sitesList":`Sites with their number of stations`,"stations.sortBy":`Sort by`,"stations.direction":`Order`,"stations.ascending":`Ascending`,"stations.descending":`Descending`,"stations.order.id":`Id`,"stations.order.displayName":`Display name`,"stations.order.site":`Site`,"stations.order.lastSeen":`Last seen`,"stations.clearFilters":`Clear filters`,"stations.count":`{n} stations`,"stations.countFiltered":`{n} stations match`,"stations.noMatch":`No station matches these filters.`,"stations.none":`No station has connected yet.`,"stations.firstPage":`First page`,"stations.never":`never`,"stations.connector":`Connector {n}`,"stations.col.station":`Station`,"stations.col.site":`Site`,"stations.col.connection":`Connection`,"stations.col.registration":`Registration`,"stations.col.connectors":`Connectors`,"stations.col.vendorModel":`Vendor / model`,"stations.col.firmware":`Firmware`,"stations.col.lastSeen":`Last seen`,"stations.reg.accepted":`Accepted`,"stations.reg.pending":`Pending`,"stations.reg.rejected":`Rejected`,"stations.reg.unknown":`Not registered`,"stations.cs.available":`Available`,"stations.cs.preparing":`Preparing`,"stations.cs.charging":`Charging`,"stations.cs.suspendedEv":`Suspended (vehicle)`,"stations.cs.suspendedEvse":`Suspended (station)`,"stations.cs.finishing":`Finishing`,"stations.cs.reserved":`Reserved`,"stations.cs.unavailable":`Unavailable`,"stations.cs.faulted":`Faulted`,"stations.cs.unknown":`Unknown`},Tt=e({default:()=>Et}),Et={"tags.driverIntro":`Your id tags. Ask an operator to change them.`,"tags.listTitle":`All id tags`,"tags.filters":`Filter id tags`,"tags.tag":`Id tag`,"tags.statusLabel":`Status`,"tags.status.ACCEPTED":`Accepted`,"tags.status.BLOCKED":`Blocked`,"tags.status.EXPIRED":`Expired`,"tags.status.INVALID":`Invalid`,"tags.status.CONCURRENT_TX":`Charging elsewhere`,"tags.owner":`Owner`,"tags.origin":`Origin`,"tags.autoCreatedYes":`Seen at stations, not registered`,"tags.autoCreatedNo":`Registered by an operator`,"tags.expiry":`Expiry`,"tags.parent":`Parent tag`,"tags.updated":`Changed`,"tags.actions":`Actions`,"tags.seen":`seen at a station`,"tags.itsTransactions":`Its transactions`,"tags.none":`No id tags match these filters.`,"tags.edit":`Edit`,"tags.editOf":`Edit id tag {tag}`,"tags.editTitle":`Id tag {tag}`,"tags.block":`Block`,"tags.unblock":`Unblock`,"tags.blockOf":`Block id tag {tag}`,"tags.unblockOf":`Unblock id tag {tag}`,"tags.blockedOk":`Id tag {tag} is blocked.`,"tags.unblockedOk":`Id tag {tag} is accepted again.`,"tags.unknownTitle":`Unknown tags seen at stations ({n})`,"tags.unknownIntro":`Stations refused these tags because nobody had registered them. Accept one and the stations accept it from now on.`,"tags.firstSeen":`first seen {ago}`,"tags.accept":`Accept`,"tags.acceptOf":`Accept id tag {tag}`,"tags.acceptedOk":`Id tag {tag} is accepted.`,"tags.create":`New id tag`,"tags.createSubmit":`Create id tag`,"tags.createdOk":`Id tag {tag} created.`,"tags.savedOk":`Id tag {tag} saved.`,"tags.deleteTitle":`Delete`,"tags.delete":`Delete id tag`,"tags.deleteQuestion":`Delete the id tag {tag}? Its transactions stay.`,"tags.deletedOk":`Id tag {tag} deleted.`,"tags.deletedNone":`There was no such id tag.`,"tags.budgetOf":`Energy budget of id tag {tag}`,"tags.budgetSavedOk":`The budget of id tag {tag} is saved.`,"tags.budgetRemovedOk":`The budget of id tag {tag} is removed.`},Dt=e({default:()=>Ot}),Ot={"transactions.filters":`Filter transactions`,"transactions.id":`Id`,"transactions.station":`Station`,"transactions.connector":`Connector`,"transactions.idTag":`Id tag`,"transactions.from":`From`,"transactions.to":`To`,"transactions.state":`State`,"transactions.active":`Running`,"transactions.finished":`Finished`,"transactions.running":`running`,"transactions.start":`Start`,"transactions.stop":`Stop`,"transactions.duration":`Duration`,"transactions.energy":`Energy`,"transactions.stopReason":`Stop reason`,"transactions.flags":`Flags`,"transactions.none":`No transactions match these filters.`,"transactions.exporting":`Reading transactions for the CSV file… {n} so far`,"transactions.exported":`Exported {n} transactions.`,"transactions.exportCut":`Exported only the first {n} transactions; narrow the filter to export the rest.`,"transactions.detailTitle":`Transaction {id}`,"transactions.notFound":`There is no such transaction, or your account may not see it.`,"transactions.facts":`Details`,"transactions.meterStart":`Meter at start`,"transactions.meterStop":`Meter at stop`,"transactions.stopIdTag":`Stopped by id tag`,"transactions.reservation":`Reservation`,"transactions.received":`Received by the server`,"transactions.needsLook":`This transaction has anomalies and needs an operator's look.`,"transactions.chart":`Meter values`,"transactions.chartLabel":`Chart of the energy register and power of transaction {id} over time`,"transactions.noMeterValues":`The station sent no meter values for this transaction.`,"transactions.energyRegister":`Energy register`,"transactions.power":`Power`,"transactions.flag.CONCURRENT_TX":`charging elsewhere`,"transactions.flag.CONFLICTING_STOP":`conflicting stop`,"transactions.flag.CONNECTOR_BUSY":`connector busy`,"transactions.flag.METER_STOP_BELOW_START":`meter stop below start`,"transactions.flag.START_CLOCK_UNSET":`start clock unset`,"transactions.flag.START_IN_FUTURE":`start in the future`,"transactions.flag.STOP_BEFORE_START":`stop before start`,"transactions.flag.STOP_CLOCK_UNSET":`stop clock unset`,"transactions.flag.STOP_IN_FUTURE":`stop in the future`,"transactions.flag.UNKNOWN_ID_TAG":`unknown id tag`,"transactions.reason.DE_AUTHORIZED":`De-authorised`,"transactions.reason.EMERGENCY_STOP":`Emergency stop`,"transactions.reason.EV_DISCONNECTED":`EV disconnected`,"transactions.reason.HARD_RESET":`Hard reset`,"transactions.reason.LOCAL":`Stopped at the station`,"transactions.reason.OTHER":`Other`,"transactions.reason.POWER_LOSS":`Power loss`,"transactions.reason.REBOOT":`Reboot`,"transactions.reason.REMOTE":`Stopped remotely`,"transactions.reason.SOFT_RESET":`Soft reset`,"transactions.reason.UNLOCK_COMMAND":`Unlock command`},kt=e({default:()=>At}),At={"usage.filters":`Usage report range and filters`,"usage.from":`From`,"usage.to":`To (inclusive)`,"usage.groupBy":`Per`,"usage.day":`Day`,"usage.week":`Week`,"usage.month":`Month`,"usage.station":`Station`,"usage.idTag":`Id tag`,"usage.presets":`Ranges`,"usage.preset7d":`Last 7 days`,"usage.preset30d":`Last 30 days`,"usage.presetThisMonth":`This month`,"usage.presetLastMonth":`Last month`,"usage.badRange":`The start date must not be after the end date.`,"usage.totals":`Totals of the range`,"usage.energy":`Energy`,"usage.energyKwh":`Energy (kWh)`,"usage.sessions":`Sessions`,"usage.sessionsUnit":`count`,"usage.chargingTime":`Charging time`,"usage.utilisation":`Connector utilisation`,"usage.perPeriod":`Energy and sessions per period`,"usage.period":`Period`,"usage.weekOf":`Week of {date}`,"usage.chartLabel":`Chart of the energy and sessions per period`,"usage.exportPeriods":`Export periods as CSV`,"usage.perStation":`Per station`,"usage.exportStations":`Export stations as CSV`,"usage.topTags":`Top {n} id tags`,"usage.nothing":`No charging in this range.`},jt=e({default:()=>Mt}),Mt={"accounts.adminsOnly":`Hanya operator dan administrator yang mengelola akun.`,"accounts.username":`Nama pengguna`,"accounts.password":`Kata sandi`,"accounts.newPassword":`Kata sandi baru`,"accounts.roleLabel":`Peran`,"accounts.role.ADMIN":`Administrator`,"accounts.role.OPERATOR":`Operator`,"accounts.role.VIEWER":`Pemantau`,"accounts.role.DRIVER":`Pengemudi`,"accounts.stations":`Stasiun`,"accounts.allStations":`semua stasiun`,"accounts.scope":`Cakupan stasiun`,"accounts.scopeHint":`"all" (semua), atau id stasiun yang dipisahkan koma atau spasi`,"accounts.created":`Dibuat`,"accounts.updated":`Diubah`,"accounts.actions":`Tindakan`,"accounts.you":`Anda`,"accounts.edit":`Ubah`,"accounts.editOf":`Ubah akun {name}`,"accounts.editTitle":`Akun {name}`,"accounts.create":`Akun baru`,"accounts.createSubmit":`Buat akun`,"accounts.createdOk":`Akun {name} telah dibuat.`,"accounts.saveRole":`Simpan peran dan cakupan`,"accounts.savedOk":`Akun {name} telah disimpan.`,"accounts.resetPassword":`Atur ulang kata sandi`,"accounts.resetQuestion":`Tetapkan kata sandi baru untuk {name}? Token yang sudah diterbitkan tetap berlaku sampai kedaluwarsa.`,"accounts.passwordOk":`Kata sandi {name} telah diubah.`,"accounts.deleteTitle":`Hapus`,"accounts.delete":`Hapus akun`,"accounts.deleteQuestion":`Hapus akun {name}? Token yang sudah diterbitkan tetap berlaku sampai kedaluwarsa.`,"accounts.deletedOk":`Akun {name} telah dihapus.`,"accounts.deletedNone":`Akun tersebut tidak ada.`,"accounts.operatorIntro":`Akun pengemudi: buat akun, beri tag ID dan anggaran energi, setujui yang mendaftar sendiri.`,"accounts.idTags":`Tag ID`,"accounts.noTags":`Belum ada tag ID.`,"accounts.pendingBadge":`menunggu persetujuan`,"accounts.pendingTitle":`Menunggu persetujuan ({n})`,"accounts.pendingIntro":`Pengemudi ini mendaftar sendiri. Mereka dapat masuk setelah disetujui; menolak akan menghapus akunnya.`,"accounts.approve":`Setujui`,"accounts.approveOf":`Setujui {name}`,"accounts.approvedOk":`Akun {name} disetujui: sekarang dapat masuk.`,"accounts.rejectOf":`Tolak {name}`,"accounts.rejectQuestion":`Tolak {name}? Akunnya akan dihapus.`,"accounts.rejectedOk":`Akun {name} ditolak dan dihapus.`,"accounts.createDriver":`Akun pengemudi baru`,"accounts.createDriverSubmit":`Buat akun pengemudi`,"accounts.firstTag":`Tag ID (opsional)`,"accounts.firstTagHint":`Diberikan kepada pengemudi baru: tag yang terdaftar, atau tag baru (didaftarkan sebagai diterima)`,"accounts.createdWithTag":`Akun {name} dibuat, dengan tag ID {tag}.`,"accounts.createdTagOwned":`Akun {name} dibuat. Tag ID {tag} milik {owner}: berikan di bawah jika memang dimaksudkan.`,"accounts.giveTag":`Beri tag ID`,"accounts.giveTagOf":`Beri {name} tag ID`,"accounts.giveTagLabel":`Tag ID yang diberikan`,"accounts.giveTagHint":`Tag terdaftar berganti pemilik; tag baru didaftarkan sebagai diterima`,"accounts.tagGivenOk":`Tag ID {tag} sekarang milik {name}.`,"accounts.tagCreatedOk":`Tag ID {tag} didaftarkan untuk {name}.`,"accounts.tagOwnedBy":`Tag ID {tag} milik {owner}.`,"accounts.takeOver":`Tetap berikan kepada {name}`,"accounts.takeBack":`Ambil kembali`,"accounts.takeBackOf":`Ambil kembali tag ID {tag} dari {name}`,"accounts.takenBackOk":`Tag ID {tag} bukan lagi milik {name}.`,"accounts.budgetIntro":`Anggaran untuk semua tag ID pengemudi bersama-sama. Jika habis, tag-tag itu ditolak sampai periode berakhir.`,"accounts.budgetOf":`Anggaran energi {name}`,"accounts.budgetSavedOk":`Anggaran {name} disimpan.`,"accounts.budgetRemovedOk":`Anggaran {name} dihapus.`},Nt=e({default:()=>Pt}),Pt={"budget.title":`Anggaran energi`,"budget.none":`Tanpa anggaran`,"budget.perWeek":`per minggu`,"budget.perMonth":`per bulan`,"budget.exhausted":`habis`,"budget.usedLeft":`{used} terpakai, sisa {left}`,"budget.until":`periode ini berakhir {date}`,"budget.limit":`Anggaran (kWh)`,"budget.limitHint":`Energi yang diizinkan per periode, mis. 50 atau 12,5`,"budget.period":`Periode`,"budget.month":`Bulan kalender`,"budget.week":`Minggu (mulai Senin)`,"budget.save":`Simpan anggaran`,"budget.remove":`Hapus anggaran`,"budget.removeQuestion":`Hapus anggaran ini? Pengisian daya tidak lagi dibatasi olehnya.`,"budget.badLimit":`Masukkan anggaran dalam kWh, angka di atas 0.`,"budget.intro":`Jika anggaran habis, tag yang dicakupnya ditolak (Blocked) sampai periode berakhir, dan sesi yang berjalan dihentikan.`,"budget.savedOk":`Anggaran disimpan.`,"budget.removedOk":`Anggaran dihapus.`},Ft=e({default:()=>It}),It={"nav.label":`Utama`,"nav.skip":`Lompat ke konten`,"nav.overview":`Ringkasan`,"nav.stations":`Stasiun`,"nav.station":`Stasiun`,"nav.transactions":`Transaksi`,"nav.usage":`Pemakaian`,"nav.tags":`Tag ID`,"nav.security":`Persetujuan & keamanan`,"nav.accounts":`Akun`,"nav.language":`Bahasa`,"nav.signOut":`Keluar`,"login.intro":`Masuk ke konsol sistem pusat.`,"login.username":`Nama pengguna`,"login.password":`Kata sandi`,"login.token":`Token`,"login.submit":`Masuk`,"login.withToken":`Masuk dengan token`,"login.withPassword":`Masuk dengan kata sandi`,"login.expired":`Sesi Anda telah berakhir. Silakan masuk lagi.`,"common.cancel":`Batal`,"common.confirm":`Konfirmasi`,"common.save":`Simpan`,"common.send":`Kirim`,"common.search":`Cari`,"common.loading":`Memuat…`,"common.none":`Belum ada apa-apa di sini.`,"common.notFound":`Halaman tidak ditemukan`,"common.pages":`Halaman`,"common.previous":`Sebelumnya`,"common.next":`Berikutnya`,"common.total":`{n} seluruhnya`,"common.exportCsv":`Ekspor CSV`,"common.all":`Semua`,"common.yes":`Ya`,"common.no":`Tidak`,"common.live":`Langsung`,"command.answer":`Jawaban stasiun`,"error.generic":`Permintaan gagal.`,"error.NETWORK":`Server tidak dapat dihubungi.`,"error.UNAUTHENTICATED":`Silakan masuk lagi.`,"error.FORBIDDEN":`Akun Anda tidak boleh melakukan ini.`,"error.NOT_FOUND":`Tidak ditemukan.`,"error.BAD_USER_INPUT":`Periksa kembali isian Anda.`,"error.CONFLICT":`Ini sudah ada.`,"error.RATE_LIMITED":`Terlalu banyak percobaan; tunggu sebentar.`,"error.STATION_OFFLINE":`Stasiun tidak terhubung.`,"error.STATION_TIMEOUT":`Stasiun tidak menjawab tepat waktu.`,"error.STATION_UNREACHABLE":`Node yang memegang koneksi stasiun tidak dapat dihubungi.`,"error.STATION_ERROR":`Stasiun menjawab dengan galat.`,"error.LIMIT_EXCEEDED":`Permintaan lebih besar dari yang diizinkan server.`,"error.INTERNAL":`Server gagal; lihat log-nya.`,"error.REFUSED":`Server menolak perintah ini.`,"error.LAGGED":`Pembaruan langsung tertinggal; membaca ulang.`,"common.time":`Waktu`,"nav.driversApp":`Aplikasi pengemudi`,"nav.noApp":`Aplikasi pengemudi tidak ada dalam build server ini.`,"nav.toApp":`Membuka aplikasi pengemudi…`,"nav.myAccount":`Akun saya`,"nav.pendingAccounts":`({n} menunggu persetujuan)`},Lt=e({default:()=>Rt}),Rt={"myAccount.username":`Nama pengguna`,"myAccount.role":`Peran`,"myAccount.stations":`Stasiun`,"myAccount.allStations":`semua stasiun`,"myAccount.changePassword":`Ubah kata sandi saya`,"myAccount.current":`Kata sandi saat ini`,"myAccount.new":`Kata sandi baru`,"myAccount.again":`Ulangi kata sandi baru`,"myAccount.mismatch":`Kedua kata sandi baru berbeda.`,"myAccount.submit":`Ubah kata sandi`,"myAccount.changed":`Kata sandi Anda telah diubah. Gunakan kata sandi itu saat masuk berikutnya.`,"myAccount.wrongCurrent":`Kata sandi saat ini salah, atau token ini bukan milik sebuah akun.`},zt=e({default:()=>Bt}),Bt={"overview.live":`Langsung`,"overview.connecting":`Menghubungkan…`,"overview.reconnecting":`Menghubungkan ulang…`,"overview.updatedAt":`diperbarui`,"overview.stations":`Stasiun`,"overview.allStations":`Semua stasiun`,"overview.online":`Daring`,"overview.offline":`Luring`,"overview.pending":`Menunggu persetujuan`,"overview.rejected":`Ditolak`,"overview.connectors":`Konektor`,"overview.available":`Tersedia`,"overview.charging":`Mengisi daya`,"overview.chargingNow":`Sedang mengisi`,"overview.preparing":`Bersiap`,"overview.suspended":`Ditangguhkan`,"overview.finishing":`Menyelesaikan`,"overview.faulted":`Gangguan`,"overview.unavailable":`Tidak tersedia`,"overview.reserved":`Dipesan`,"overview.today":`Hari ini`,"overview.energyToday":`Energi tersalurkan hari ini`,"overview.activeSessions":`Sesi aktif`,"overview.attention":`Perlu perhatian`,"overview.nothingNeedsAttention":`Saat ini tidak ada yang perlu diperhatikan.`,"overview.attentionLimited":`Menampilkan {n} butir pertama.`,"overview.kind.connectorFaulted":`Konektor mengalami gangguan`,"overview.kind.stationOffline":`Stasiun luring`,"overview.kind.stationPending":`Menunggu persetujuan`,"overview.kind.handshakeRefused":`Koneksi ditolak`,"overview.kind.securityEvent":`Peristiwa keamanan`,"overview.col.what":`Apa`,"overview.col.station":`Stasiun`,"overview.col.detail":`Rincian`,"overview.col.since":`Sejak`,"overview.col.action":`Tindakan`,"overview.connector":`konektor {n}`,"overview.approve":`Setujui`,"overview.approveQuestion":`Terima stasiun {id}? BootNotification berikutnya akan dijawab Accepted dan stasiun dapat mulai mengisi daya.`,"overview.approved":`Stasiun {id} telah disetujui.`,"overview.show":`Tampilkan`,"overview.showAll":`Semua ({n})`},Vt=e({default:()=>Ht}),Ht={"qr.title":`Kode QR untuk pengemudi`,"qr.intro":`Setiap kode membuka aplikasi pengemudi, siap mengisi daya di konektor itu. Cetak sebagai stiker untuk pengisi daya.`,"qr.codeOf":`Kode QR tautan pengemudi ke konektor {n}`,"qr.printStickers":`Stiker siap cetak`,"qr.stickersTitle":`Stiker QR: {name}`,"qr.stickersIntro":`Satu stiker per konektor. Cetak halaman ini (hanya stiker yang tercetak), gunting mengikuti garis putus-putus, lalu tempel masing-masing di konektornya.`,"qr.stickerOf":`Stiker konektor {n}`,"qr.instruction":`Pindai dengan ponsel Anda untuk mengisi daya di sini`,"qr.print":`Cetak`,"qr.backToStation":`Kembali ke stasiun`},Ut=e({default:()=>Wt}),Wt={"security.operatorsOnly":`Hanya operator dan administrator yang dapat melihat persetujuan dan keamanan.`,"security.tabs":`Bagian`,"security.tab.approvals":`Persetujuan`,"security.tab.profiles":`Profil keamanan dan kunci`,"security.tab.events":`Peristiwa keamanan`,"security.tab.csr":`Permintaan penandatanganan sertifikat`,"security.actions":`Tindakan`,"security.station":`Stasiun`,"security.stationId":`Id stasiun`,"security.stationIdHint":`Id yang persis; kosongkan untuk menampilkan semua stasiun`,"security.vendorModel":`Vendor dan model`,"security.firmware":`Firmware`,"security.connected":`Koneksi`,"security.firstSeen":`Pertama terlihat`,"security.registration":`Registrasi`,"security.approvalsIntro":`Stasiun yang menunggu persetujuan: BootNotification-nya dijawab Pending sampai Anda menerima atau menolaknya.`,"security.noPending":`Tidak ada stasiun yang menunggu persetujuan.`,"security.approve":`Terima`,"security.approveOf":`Terima stasiun {id}`,"security.approvedOk":`Stasiun {id} telah diterima.`,"security.rejectOf":`Tolak stasiun {id}`,"security.rejectQuestion":`Tolak stasiun {id}? BootNotification berikutnya akan dijawab Rejected.`,"security.rejectedOk":`Stasiun {id} telah ditolak.`,"security.approveById":`Terima stasiun berdasarkan id-nya`,"security.approveByIdIntro":`Mendaftarkan stasiun yang belum pernah terhubung, sehingga langsung diterima saat terhubung.`,"security.approveStation":`Terima stasiun`,"security.profilesIntro":`Profil keamanan yang wajib dipakai setiap stasiun untuk terhubung, dan apakah AuthorizationKey-nya (kata sandi HTTP Basic) tersimpan.`,"security.noStation":`Tidak ada stasiun dengan id ini.`,"security.profile":`Profil keamanan`,"security.key":`AuthorizationKey`,"security.keySet":`tersimpan`,"security.keyNone":`tidak ada`,"security.manage":`Kelola`,"security.manageOf":`Kelola keamanan stasiun {id}`,"security.manageTitle":`Keamanan stasiun {id}`,"security.morePrefix":`Perintah lain dan konfigurasinya ada di`,"security.stationPage":`halaman stasiun`,"security.profileHelp":`Menetapkan profil tanpa memberi tahu stasiun: untuk penyiapan awal, atau untuk menurunkannya. Untuk menaikkannya pada stasiun yang terhubung, ubah kunci konfigurasi SecurityProfile-nya.`,"security.setProfile":`Tetapkan profil keamanan`,"security.profileQuestion":`Wajibkan stasiun {id} terhubung dengan profil keamanan {profile}? Stasiun yang tidak mampu tidak akan bisa terhubung lagi.`,"security.profileAdminsOnly":`Hanya administrator yang dapat menetapkan profil keamanan.`,"security.profileOk":`Stasiun kini wajib terhubung dengan profil keamanan {profile}.`,"security.keyHelp":`16 sampai 20 bita acak, ditulis sebagai 32 sampai 40 digit heksadesimal. Hanya hash-nya yang disimpan: salin kuncinya sekarang, kunci tidak akan ditampilkan lagi.`,"security.keyInput":`AuthorizationKey baru`,"security.keyHint":`32 sampai 40 digit heksadesimal`,"security.generateKey":`Buat kunci`,"security.sendToStation":`Kirim ke stasiun (disimpan hanya jika stasiun menerimanya)`,"security.setKey":`Tetapkan AuthorizationKey`,"security.keyStored":`Kunci telah disimpan. Salin sekarang; kunci tidak akan ditampilkan lagi:`,"security.pickStation":`Masukkan id stasiun untuk melihat peristiwa keamanannya secara langsung.`,"security.eventsOf":`Peristiwa keamanan stasiun {id}`,"security.noEvents":`Stasiun ini belum mengirim peristiwa keamanan.`,"security.when":`Waktu (jam stasiun)`,"security.type":`Jenis`,"security.techInfo":`Rincian teknis`,"security.received":`Diterima`,"security.csrState":`Keadaan`,"security.csr.PENDING":`Menunggu sertifikat`,"security.csr.ACCEPTED":`Sertifikat diterima`,"security.csr.CERTIFICATE_REJECTED":`Sertifikat ditolak stasiun`,"security.csr.REJECTED":`Permintaan ditolak`,"security.noCsrs":`Tidak ada permintaan penandatanganan sertifikat yang cocok.`,"security.csrId":`Permintaan`,"security.subject":`Subjek`,"security.answer":`Jawaban stasiun`,"security.signedBy":`ditandatangani oleh {who}`,"security.sign":`Kirim sertifikat`,"security.signOf":`Kirim sertifikat untuk permintaan {id}`,"security.signTitle":`Sertifikat untuk permintaan {id} dari stasiun {station}`,"security.showCsr":`Tampilkan permintaan (PEM)`,"security.chain":`Rantai sertifikat (PEM)`,"security.chainHint":`Sertifikat stasiun terlebih dahulu, lalu sertifikat perantara`,"security.sendChain":`Kirim ke stasiun`},Gt=e({default:()=>Kt}),Kt={"station.title":`Stasiun`,"station.staffOnly":`Halaman stasiun hanya untuk staf operator.`,"station.notFound":`Stasiun {id} tidak ada, atau tidak termasuk dalam cakupan akun Anda.`,"station.backToList":`Kembali ke daftar stasiun`,"station.tabs":`Bagian stasiun`,"station.tab.overview":`Ringkasan`,"station.tab.journal":`Jurnal`,"station.tab.configuration":`Konfigurasi`,"station.tab.commands":`Perintah`,"station.online":`Terhubung`,"station.offline":`Luring`,"station.connectedSince":`terhubung {ago}`,"station.lastSeen":`terakhir terlihat {ago}`,"station.connectors":`Konektor`,"station.chargePointStatus":`Titik pengisian (konektor 0)`,"station.noConnectors":`Stasiun belum melaporkan konektor apa pun.`,"station.connector":`Konektor {n}`,"station.connectorLabel":`Konektor`,"station.errorCode":`Galat`,"station.statusSince":`Status sejak`,"station.transaction":`Transaksi`,"station.idTag":`Id tag`,"station.started":`Dimulai`,"station.duration":`Durasi`,"station.energy":`Energi sejauh ini`,"station.power":`Daya saat ini`,"station.noTransaction":`Tidak ada yang berjalan`,"station.lastReading":`Pembacaan meter terakhir`,"station.identity":`Identitas dan data boot`,"station.id":`Id`,"station.registration":`Registrasi`,"station.securityProfile":`Profil keamanan`,"station.authorizationKey":`Kunci otorisasi`,"station.vendor":`Vendor`,"station.model":`Model`,"station.chargePointSerial":`Nomor seri titik pengisian`,"station.chargeBoxSerial":`Nomor seri kotak pengisian`,"station.firmware":`Firmware`,"station.firmwareStatus":`Status firmware`,"station.diagnostics":`Diagnostik`,"station.diagnosticsStatus":`Status diagnostik`,"station.iccid":`ICCID`,"station.imsi":`IMSI`,"station.meterType":`Jenis meter`,"station.meterSerial":`Nomor seri meter`,"station.firstSeen":`Pertama terlihat`,"station.lastBoot":`Boot terakhir`,"station.lastHeartbeat":`Heartbeat terakhir`,"station.lastSeenAt":`Terakhir terlihat`,"station.connectedSinceLabel":`Terhubung sejak`,"station.details":`Keterangan operator`,"station.displayName":`Nama tampilan`,"station.site":`Lokasi`,"station.siteHint":`Area parkir atau gedung; stasiun dikelompokkan menurut lokasi ini.`,"station.address":`Alamat`,"station.coordinates":`Koordinat`,"station.latitude":`Lintang`,"station.longitude":`Bujur`,"station.note":`Catatan`,"station.editDetails":`Ubah keterangan`,"station.coordinatesBoth":`Isi lintang dan bujur sekaligus, atau kosongkan keduanya.`,"station.latitudeRange":`Lintang harus berupa angka antara -90 dan 90.`,"station.longitudeRange":`Bujur harus berupa angka antara -180 dan 180.`,"station.chart":`Nilai meter, 24 jam terakhir`,"station.chartEmpty":`Tidak ada pembacaan energi atau daya dalam 24 jam terakhir.`,"station.chartLabel":`Grafik register energi dan daya stasiun per konektor selama 24 jam terakhir`,"station.chartEnergy":`Energi, konektor {n}`,"station.chartPower":`Daya, konektor {n}`,"station.journal":`Jurnal OCPP`,"station.journalFilters":`Filter jurnal`,"station.action":`Aksi`,"station.direction":`Arah`,"station.directionIn":`Stasiun → server`,"station.directionOut":`Server → stasiun`,"station.journalLive":`Tampilkan frame baru begitu tiba`,"station.journalNewest":`Kembali ke yang terbaru`,"station.journalFollowing":`Mengikuti frame baru`,"station.journalStill":`Frame baru tidak ditambahkan selama Anda membaca halaman lama atau menjeda.`,"station.journalEmpty":`Tidak ada frame yang cocok.`,"station.bytes":`{n} bita`,"station.truncated":`terpotong (hanya bagian awal yang disimpan)`,"station.messageId":`Id pesan`,"station.configuration":`Konfigurasi`,"station.operatorsOnly":`Hanya operator dan administrator yang boleh melakukan ini; akun Anda hanya dapat melihat stasiun.`,"station.adminsOnly":`Hanya administrator yang boleh melakukan ini.`,"station.offlineNote":`Stasiun sedang tidak terhubung: perintah akan gagal sampai stasiun terhubung kembali.`,"station.readConfiguration":`Baca dari stasiun`,"station.configKeys":`Kunci (opsional)`,"station.configKeysHint":`Pisahkan dengan koma atau spasi; kosongkan untuk membaca semua kunci.`,"station.unknownKeys":`Kunci yang tidak dikenal stasiun`,"station.configFilter":`Saring kunci`,"station.configCount":`{n} kunci`,"station.configKey":`Kunci`,"station.configValue":`Nilai`,"station.configReadonly":`Hanya-baca`,"station.newValue":`Nilai baru {key}`,"station.changeKey":`Ubah {key}`,"station.change":`Ubah`,"station.changeAnyKey":`Ubah sebuah kunci`,"station.changeConfiguration":`Ubah`,"station.sending":`Menunggu jawaban stasiun…`,"station.commands":`Perintah jarak jauh`,"station.commandGroups":`Kelompok perintah`,"station.group.control":`Kendali`,"station.group.authorization":`Daftar lokal dan reservasi`,"station.group.charging":`Pengisian cerdas`,"station.group.firmware":`Firmware dan diagnostik`,"station.group.security":`Keamanan dan registrasi`,"station.anyConnector":`Konektor mana saja`,"station.wholeStation":`Seluruh stasiun (0)`,"station.cmd.remoteStart":`Mulai transaksi`,"station.cmd.start":`Mulai`,"station.cmd.remoteStop":`Hentikan transaksi`,"station.cmd.stop":`Hentikan`,"station.cmd.reset":`Reset`,"station.cmd.unlock":`Buka kunci konektor`,"station.cmd.availability":`Ketersediaan`,"station.cmd.changeAvailability":`Ubah ketersediaan`,"station.cmd.clearCache":`Hapus cache otorisasi`,"station.cmd.trigger":`Minta pesan`,"station.cmd.extendedTrigger":`Minta pesan (diperluas)`,"station.cmd.triggerSend":`Minta`,"station.cmd.dataTransfer":`Transfer data`,"station.cmd.sendLocalList":`Kirim daftar lokal`,"station.cmd.getLocalListVersion":`Versi daftar lokal`,"station.cmd.ask":`Tanyakan ke stasiun`,"station.cmd.reserveNow":`Reservasi konektor`,"station.cmd.reserve":`Reservasi`,"station.cmd.cancelReservation":`Batalkan reservasi {id}`,"station.cmd.setProfile":`Pasang profil pengisian`,"station.cmd.install":`Pasang`,"station.cmd.clearProfile":`Hapus profil pengisian`,"station.cmd.clear":`Hapus`,"station.cmd.composite":`Jadwal gabungan`,"station.cmd.updateFirmware":`Perbarui firmware`,"station.cmd.getDiagnostics":`Ambil diagnostik`,"station.cmd.installCertificate":`Pasang sertifikat akar`,"station.cmd.installedCertificates":`Sertifikat akar terpasang`,"station.cmd.deleteCertificate":`Hapus sertifikat`,"station.cmd.delete":`Hapus`,"station.cmd.certificateSigned":`Kirim sertifikat yang ditandatangani`,"station.cmd.getLog":`Ambil log`,"station.cmd.signedUpdateFirmware":`Perbarui firmware bertanda tangan`,"station.cmd.setSecurityProfile":`Atur profil keamanan`,"station.cmd.setAuthorizationKey":`Atur kunci otorisasi`,"station.cmd.approve":`Setujui stasiun`,"station.cmd.reject":`Tolak stasiun`,"station.confirm.stop":`Hentikan transaksi ini? Pengisian pengemudi akan berakhir.`,"station.confirm.softReset":`Reset lunak stasiun? Stasiun menghentikan transaksinya lalu memulai ulang.`,"station.confirm.hardReset":`Reset keras stasiun? Stasiun langsung memulai ulang, meski sedang mengisi.`,"station.confirm.unlock":`Buka kunci konektor {n}? Kabel di dalamnya bisa terlepas.`,"station.confirm.inoperative":`Jadikan tidak beroperasi? Tidak ada yang bisa mengisi di sana sampai dioperasikan kembali.`,"station.confirm.clearCache":`Hapus cache otorisasi stasiun?`,"station.confirm.fullList":`Ganti seluruh daftar lokal stasiun dengan tag-tag ini?`,"station.confirm.firmware":`Kirim firmware ini ke stasiun? Stasiun akan memasangnya dan mungkin memulai ulang.`,"station.confirm.clearProfile":`Hapus profil pengisian yang cocok? Tanpa kriteria, semuanya dihapus.`,"station.confirm.deleteCertificate":`Hapus sertifikat ini dari stasiun?`,"station.confirm.securityProfile":`Atur profil keamanan stasiun menjadi {n}? Setelah itu stasiun harus terhubung dengan profil tersebut.`,"station.confirm.authorizationKey":`Atur kunci otorisasi stasiun? Kata sandi lamanya tidak berlaku lagi.`,"station.confirm.reject":`Tolak stasiun ini? Stasiun tidak boleh mengirim apa pun selain BootNotification sampai disetujui.`,"station.confirm.cancelReservation":`Batalkan reservasi {id}?`,"station.noRunning":`Tidak ada transaksi yang berjalan di stasiun ini.`,"station.runningTx":`#{id} di konektor {n} ({tag})`,"station.resetType":`Jenis reset`,"station.resetSoft":`Lunak (setelah menghentikan transaksi)`,"station.resetHard":`Keras (langsung)`,"station.availabilityType":`Jadikan`,"station.clearCacheHint":`Stasiun melupakan id tag yang disimpannya dan bertanya lagi ke server.`,"station.requestedMessage":`Pesan`,"station.vendorId":`Id vendor`,"station.messageIdOptional":`Id pesan (opsional)`,"station.dataOptional":`Data (opsional)`,"station.dataAnswer":`Data yang dikirim balik oleh stasiun:`,"station.localList":`Daftar otorisasi lokal`,"station.updateType":`Jenis pembaruan`,"station.listTagsFull":`Id tag untuk daftar baru`,"station.listTagsAdd":`Id tag yang ditambah atau diperbarui`,"station.listTagsRemove":`Id tag yang dihapus`,"station.tagsHint":`Pisahkan dengan koma, spasi, atau baris baru; status tiap tag diambil dari server.`,"station.listVersionOptional":`Versi daftar (opsional)`,"station.listVersionSent":`Versi yang dikirim: {v}`,"station.listVersionAnswer":`Versi daftar stasiun: {v} (tersimpan di server: {stored}).`,"station.localListHeld":`Daftar yang dipegang stasiun`,"station.localListNone":`Stasiun belum pernah menerima daftar lokal.`,"station.localListMeta":`Versi {v}, diterima {at}`,"station.localListEmpty":`Daftar kosong.`,"station.tagStatus":`Status`,"station.expiry":`Berlaku sampai`,"station.parentIdTag":`Tag induk`,"station.parentIdTagOptional":`Tag induk (opsional)`,"station.reservations":`Reservasi`,"station.reservationId":`Reservasi #{id}`,"station.reservationList":`Reservasi stasiun`,"station.includeEnded":`Sertakan yang sudah berakhir`,"station.noReservations":`Tidak ada reservasi.`,"station.state":`Keadaan`,"station.actions":`Tindakan`,"station.invalidNumber":`Masukkan bilangan bulat di kolom yang meminta angka.`,"station.invalidDate":`Masukkan tanggal dan waktu yang valid.`,"station.profileId":`Id profil`,"station.profileIdOptional":`Id profil (opsional)`,"station.stackLevel":`Tingkat tumpukan`,"station.stackLevelOptional":`Tingkat tumpukan (opsional)`,"station.purpose":`Tujuan`,"station.transactionIdOptional":`Id transaksi (opsional)`,"station.kind":`Jenis`,"station.recurrency":`Berulang`,"station.rateUnit":`Satuan laju`,"station.validFromOptional":`Berlaku mulai (opsional)`,"station.validToOptional":`Berlaku sampai (opsional)`,"station.periods":`Periode`,"station.periodStart":`Periode {n}: mulai (detik)`,"station.periodLimit":`Periode {n}: batas ({unit})`,"station.periodPhases":`Periode {n}: fase (opsional)`,"station.removePeriod":`Hapus periode {n}`,"station.addPeriod":`Tambah periode`,"station.clearProfileHint":`Isi id profil atau kriteria; tanpa keduanya semua profil dihapus.`,"station.durationSeconds":`Durasi (detik)`,"station.stationChooses":`Pilihan stasiun`,"station.compositeSchedule":`Jadwal gabungan`,"station.profilesHeld":`Profil pengisian yang dipegang stasiun`,"station.noProfiles":`Tidak ada profil pengisian.`,"station.validity":`Berlaku`,"station.installedAt":`Dipasang`,"station.endedAt":`Berakhir`,"station.schedule":`Jadwal`,"station.from":`mulai`,"station.periodStartCol":`Mulai (setelah awal)`,"station.limit":`Batas`,"station.phases":`Fase`,"station.firmwareLocation":`Alamat firmware (URL)`,"station.retrieveDate":`Unduh mulai`,"station.retriesOptional":`Jumlah percobaan ulang (opsional)`,"station.retryIntervalOptional":`Detik antarpercobaan (opsional)`,"station.firmwareRequested":`Terkirim; stasiun sudah mengonfirmasi (permintaan {id}). Kemajuannya tampil sebagai status firmware.`,"station.diagnosticsLocation":`Alamat unggah (opsional)`,"station.diagnosticsLocationHint":`Kosong: stasiun mengunggah ke server ini, dan berkasnya bisa diunduh di sini.`,"station.startTimeOptional":`Dari (opsional)`,"station.stopTimeOptional":`Sampai (opsional)`,"station.diagnosticsFile":`Stasiun akan mengunggah {name}.`,"station.diagnosticsNoFile":`Stasiun tidak punya diagnostik untuk diunggah.`,"station.firmwareUpdates":`Permintaan pembaruan firmware`,"station.diagnosticsRequests":`Permintaan diagnostik`,"station.noneYet":`Belum ada.`,"station.requestedAt":`Diminta`,"station.location":`Alamat`,"station.requestedBy":`Oleh`,"station.file":`Berkas`,"station.uploadedAt":`Diunggah`,"station.uploadUntil":`menunggu, sampai {at}`,"station.download":`Unduh {name}`,"station.statusNotifications":`Notifikasi firmware dan diagnostik`,"station.registrationGroup":`Registrasi`,"station.registrationIs":`BootNotification-nya dijawab:`,"station.registrationHint":`Menyetujui membolehkan stasiun mengirim apa saja; menolak menjawab BootNotification berikutnya dengan Rejected.`,"station.registrationNow":`Registrasi sekarang {status}.`,"station.certificates":`Sertifikat`,"station.certificateType":`Jenis sertifikat`,"station.certificatePem":`Sertifikat (PEM)`,"station.deleteCertificateHint":`Data hash seperti yang dicantumkan stasiun (lihat Sertifikat akar terpasang).`,"station.deleteCertificate":`Hapus sertifikat {serial}`,"station.hashAlgorithm":`Algoritme hash`,"station.issuerNameHash":`Hash nama penerbit`,"station.issuerKeyHash":`Hash kunci penerbit`,"station.serialNumber":`Nomor seri`,"station.certificateSignedHint":`Rantai sertifikat yang ditandatangani di tempat lain untuk permintaan penandatanganan sertifikat stasiun, dengan sertifikat stasiun di urutan pertama.`,"station.csrIdOptional":`Permintaan penandatanganan`,"station.newestPendingCsr":`Yang tertunda paling baru`,"station.certificateChain":`Rantai sertifikat (PEM)`,"station.logsAndFirmware":`Log dan firmware bertanda tangan`,"station.logType":`Log`,"station.remoteLocation":`Alamat unggah (URL)`,"station.oldestOptional":`Entri terlama (opsional)`,"station.latestOptional":`Entri terbaru (opsional)`,"station.logRequestId":`Id permintaan {id}`,"station.installDateOptional":`Pasang mulai (opsional)`,"station.signature":`Tanda tangan (Base64)`,"station.signingCertificate":`Sertifikat penanda tangan (PEM)`,"station.logRequests":`Permintaan log`,"station.signedFirmwareUpdates":`Permintaan pembaruan firmware bertanda tangan`,"station.securityProfileGroup":`Profil keamanan dan kunci`,"station.securityProfileHint":`Disimpan tanpa memberi tahu stasiun: untuk penyiapan, atau untuk menurunkannya. Untuk menaikkan profil stasiun yang terhubung, ubah kunci konfigurasi SecurityProfile-nya.`,"station.securityProfileSet":`Profil keamanan stasiun sekarang {n}.`,"station.authorizationKeyHint":`Kata sandi HTTP Basic stasiun untuk profil keamanan 1 dan 2; hanya hash-nya yang disimpan.`,"station.authorizationKeyFormat":`32 sampai 40 digit heksadesimal (16 sampai 20 bita).`,"station.authorizationKeyStored":`Kunci sudah disimpan.`,"station.sendToStation":`Kirim ke stasiun (disimpan hanya jika stasiun menerimanya)`,"station.answer.ACCEPTED":`Diterima.`,"station.answer.REJECTED":`Stasiun menolak.`,"station.answer.REBOOT_REQUIRED":`Diterima; berlaku setelah stasiun dimulai ulang.`,"station.answer.NOT_SUPPORTED":`Stasiun tidak mendukung ini.`,"station.answer.SCHEDULED":`Diterima; berlaku setelah transaksi yang berjalan selesai.`,"station.answer.UNLOCKED":`Kunci terbuka.`,"station.answer.UNLOCK_FAILED":`Stasiun gagal membuka kunci konektor.`,"station.answer.UNKNOWN":`Stasiun tidak punya yang cocok.`,"station.answer.NOT_IMPLEMENTED":`Stasiun tidak menerapkan pesan ini.`,"station.answer.UNKNOWN_MESSAGE_ID":`Stasiun tidak mengenal id pesan ini.`,"station.answer.UNKNOWN_VENDOR_ID":`Stasiun tidak mengenal id vendor ini.`,"station.answer.FAILED":`Stasiun sudah mencoba, tetapi gagal.`,"station.answer.NOT_FOUND":`Stasiun tidak punya sertifikat tersebut.`,"station.answer.VERSION_MISMATCH":`Versi daftar tidak berurutan dengan versi stasiun; kirim daftar lengkap.`,"station.answer.FAULTED":`Konektor sedang rusak.`,"station.answer.OCCUPIED":`Konektor sedang dipakai.`,"station.answer.UNAVAILABLE":`Konektor tidak tersedia.`,"station.answer.ACCEPTED_CANCELED":`Diterima; permintaan sebelumnya dibatalkan.`,"station.answer.INVALID_CERTIFICATE":`Sertifikat penanda tangan tidak valid.`,"station.answer.REVOKED_CERTIFICATE":`Sertifikat penanda tangan sudah dicabut.`,"station.neverConnected":`belum pernah terhubung`},qt=e({default:()=>Jt}),Jt={"stations.filters":`Cari stasiun`,"stations.search":`Cari`,"stations.searchHint":`Id, nama, lokasi, vendor, atau model`,"stations.connection":`Koneksi`,"stations.online":`Daring`,"stations.offline":`Luring`,"stations.registration":`Registrasi`,"stations.connectorStatus":`Status konektor`,"stations.site":`Lokasi`,"stations.siteOption":`{name} ({n})`,"stations.sites":`Lokasi ({n})`,"stations.sitesList":`Lokasi beserta jumlah stasiunnya`,"stations.sortBy":`Urutkan menurut`,"stations.direction":`Urutan`,"stations.ascending":`Naik`,"stations.descending":`Turun`,"stations.order.id":`Id`,"stations.order.displayName":`Nama tampilan`,"stations.order.site":`Lokasi`,"stations.order.lastSeen":`Terakhir terlihat`,"stations.clearFilters":`Hapus filter`,"stations.count":`{n} stasiun`,"stations.countFiltered":`{n} stasiun cocok`,"stations.noMatch":`Tidak ada stasiun yang cocok dengan filter ini.`,"stations.none":`Belum ada stasiun yang terhubung.`,"stations.firstPage":`Halaman pertama`,"stations.never":`belum pernah`,"stations.connector":`Konektor {n}`,"stations.col.station":`Stasiun`,"stations.col.site":`Lokasi`,"stations.col.connection":`Koneksi`,"stations.col.registration":`Registrasi`,"stations.col.connectors":`Konektor`,"stations.col.vendorModel":`Vendor / model`,"stations.col.firmware":`Firmware`,"stations.col.lastSeen":`Terakhir terlihat`,"stations.reg.accepted":`Diterima`,"stations.reg.pending":`Menunggu`,"stations.reg.rejected":`Ditolak`,"stations.reg.unknown":`Belum terdaftar`,"stations.cs.available":`Tersedia`,"stations.cs.preparing":`Bersiap`,"stations.cs.charging":`Mengisi daya`,"stations.cs.suspendedEv":`Ditangguhkan (kendaraan)`,"stations.cs.suspendedEvse":`Ditangguhkan (stasiun)`,"stations.cs.finishing":`Menyelesaikan`,"stations.cs.reserved":`Dipesan`,"stations.cs.unavailable":`Tidak tersedia`,"stations.cs.faulted":`Gangguan`,"stations.cs.unknown":`Tidak diketahui`},Yt=e({default:()=>Xt}),Xt={"tags.driverIntro":`Id tag milik Anda. Minta operator untuk mengubahnya.`,"tags.listTitle":`Semua id tag`,"tags.filters":`Saring id tag`,"tags.tag":`Id tag`,"tags.statusLabel":`Status`,"tags.status.ACCEPTED":`Diterima`,"tags.status.BLOCKED":`Diblokir`,"tags.status.EXPIRED":`Kedaluwarsa`,"tags.status.INVALID":`Tidak valid`,"tags.status.CONCURRENT_TX":`Sedang mengisi di tempat lain`,"tags.owner":`Pemilik`,"tags.origin":`Asal`,"tags.autoCreatedYes":`Terlihat di stasiun, belum terdaftar`,"tags.autoCreatedNo":`Didaftarkan oleh operator`,"tags.expiry":`Kedaluwarsa pada`,"tags.parent":`Tag induk`,"tags.updated":`Diubah`,"tags.actions":`Tindakan`,"tags.seen":`terlihat di stasiun`,"tags.itsTransactions":`Transaksinya`,"tags.none":`Tidak ada id tag yang cocok dengan saringan ini.`,"tags.edit":`Ubah`,"tags.editOf":`Ubah id tag {tag}`,"tags.editTitle":`Id tag {tag}`,"tags.block":`Blokir`,"tags.unblock":`Buka blokir`,"tags.blockOf":`Blokir id tag {tag}`,"tags.unblockOf":`Buka blokir id tag {tag}`,"tags.blockedOk":`Id tag {tag} telah diblokir.`,"tags.unblockedOk":`Id tag {tag} diterima kembali.`,"tags.unknownTitle":`Tag tak dikenal yang terlihat di stasiun ({n})`,"tags.unknownIntro":`Stasiun menolak tag ini karena belum ada yang mendaftarkannya. Terima salah satunya, dan mulai sekarang stasiun akan menerimanya.`,"tags.firstSeen":`pertama terlihat {ago}`,"tags.accept":`Terima`,"tags.acceptOf":`Terima id tag {tag}`,"tags.acceptedOk":`Id tag {tag} telah diterima.`,"tags.create":`Id tag baru`,"tags.createSubmit":`Buat id tag`,"tags.createdOk":`Id tag {tag} telah dibuat.`,"tags.savedOk":`Id tag {tag} telah disimpan.`,"tags.deleteTitle":`Hapus`,"tags.delete":`Hapus id tag`,"tags.deleteQuestion":`Hapus id tag {tag}? Transaksinya tetap tersimpan.`,"tags.deletedOk":`Id tag {tag} telah dihapus.`,"tags.deletedNone":`Id tag tersebut tidak ada.`,"tags.budgetOf":`Anggaran energi tag ID {tag}`,"tags.budgetSavedOk":`Anggaran tag ID {tag} disimpan.`,"tags.budgetRemovedOk":`Anggaran tag ID {tag} dihapus.`},Zt=e({default:()=>Qt}),Qt={"transactions.filters":`Saring transaksi`,"transactions.id":`Id`,"transactions.station":`Stasiun`,"transactions.connector":`Konektor`,"transactions.idTag":`Id tag`,"transactions.from":`Dari`,"transactions.to":`Sampai`,"transactions.state":`Keadaan`,"transactions.active":`Berjalan`,"transactions.finished":`Selesai`,"transactions.running":`berjalan`,"transactions.start":`Mulai`,"transactions.stop":`Berhenti`,"transactions.duration":`Durasi`,"transactions.energy":`Energi`,"transactions.stopReason":`Alasan berhenti`,"transactions.flags":`Tanda`,"transactions.none":`Tidak ada transaksi yang cocok dengan saringan ini.`,"transactions.exporting":`Membaca transaksi untuk berkas CSV… sejauh ini {n}`,"transactions.exported":`{n} transaksi telah diekspor.`,"transactions.exportCut":`Hanya {n} transaksi pertama yang diekspor; persempit saringan untuk mengekspor sisanya.`,"transactions.detailTitle":`Transaksi {id}`,"transactions.notFound":`Transaksi ini tidak ada, atau akun Anda tidak boleh melihatnya.`,"transactions.facts":`Rincian`,"transactions.meterStart":`Meter saat mulai`,"transactions.meterStop":`Meter saat berhenti`,"transactions.stopIdTag":`Dihentikan oleh id tag`,"transactions.reservation":`Reservasi`,"transactions.received":`Diterima oleh server`,"transactions.needsLook":`Transaksi ini memiliki kejanggalan dan perlu diperiksa operator.`,"transactions.chart":`Nilai meter`,"transactions.chartLabel":`Grafik register energi dan daya transaksi {id} dari waktu ke waktu`,"transactions.noMeterValues":`Stasiun tidak mengirim nilai meter untuk transaksi ini.`,"transactions.energyRegister":`Register energi`,"transactions.power":`Daya`,"transactions.flag.CONCURRENT_TX":`mengisi di tempat lain`,"transactions.flag.CONFLICTING_STOP":`penghentian bertentangan`,"transactions.flag.CONNECTOR_BUSY":`konektor sibuk`,"transactions.flag.METER_STOP_BELOW_START":`meter akhir di bawah awal`,"transactions.flag.START_CLOCK_UNSET":`jam mulai belum diatur`,"transactions.flag.START_IN_FUTURE":`mulai di masa depan`,"transactions.flag.STOP_BEFORE_START":`berhenti sebelum mulai`,"transactions.flag.STOP_CLOCK_UNSET":`jam berhenti belum diatur`,"transactions.flag.STOP_IN_FUTURE":`berhenti di masa depan`,"transactions.flag.UNKNOWN_ID_TAG":`id tag tak dikenal`,"transactions.reason.DE_AUTHORIZED":`Otorisasi dicabut`,"transactions.reason.EMERGENCY_STOP":`Henti darurat`,"transactions.reason.EV_DISCONNECTED":`Kendaraan dicabut`,"transactions.reason.HARD_RESET":`Reset keras`,"transactions.reason.LOCAL":`Dihentikan di stasiun`,"transactions.reason.OTHER":`Lainnya`,"transactions.reason.POWER_LOSS":`Listrik padam`,"transactions.reason.REBOOT":`Mulai ulang`,"transactions.reason.REMOTE":`Dihentikan dari jarak jauh`,"transactions.reason.SOFT_RESET":`Reset lunak`,"transactions.reason.UNLOCK_COMMAND":`Perintah buka kunci`},$t=e({default:()=>en}),en={"usage.filters":`Rentang dan saringan laporan pemakaian`,"usage.from":`Dari`,"usage.to":`Sampai (termasuk)`,"usage.groupBy":`Per`,"usage.day":`Hari`,"usage.week":`Minggu`,"usage.month":`Bulan`,"usage.station":`Stasiun`,"usage.idTag":`Id tag`,"usage.presets":`Rentang`,"usage.preset7d":`7 hari terakhir`,"usage.preset30d":`30 hari terakhir`,"usage.presetThisMonth":`Bulan ini`,"usage.presetLastMonth":`Bulan lalu`,"usage.badRange":`Tanggal mulai tidak boleh setelah tanggal akhir.`,"usage.totals":`Total dalam rentang`,"usage.energy":`Energi`,"usage.energyKwh":`Energi (kWh)`,"usage.sessions":`Sesi`,"usage.sessionsUnit":`jumlah`,"usage.chargingTime":`Waktu pengisian`,"usage.utilisation":`Pemanfaatan konektor`,"usage.perPeriod":`Energi dan sesi per periode`,"usage.period":`Periode`,"usage.weekOf":`Minggu {date}`,"usage.chartLabel":`Grafik energi dan sesi per periode`,"usage.exportPeriods":`Ekspor periode sebagai CSV`,"usage.perStation":`Per stasiun`,"usage.exportStations":`Ekspor stasiun sebagai CSV`,"usage.topTags":`{n} id tag teratas`,"usage.nothing":`Tidak ada pengisian dalam rentang ini.`},tn=Symbol.for(`preact-signals`);function nn(){if(W>1)W--;else{var e,t=!1;for((function(){var e=dn;for(dn=void 0;e!==void 0;){var t=e.S;if(t.v===e.v)for(var n=t.t;n!==void 0;n=n.x)n.i===e.i&&(n.i=t.i);e=e.o}})();sn!==void 0;){var n=sn;for(sn=void 0,cn++;n!==void 0;){var r=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&mn(n))try{n.c()}catch(n){t||=(e=n,!0)}n=r}}if(cn=0,W--,t)throw e}}function rn(e){if(W>0)return e();un=++ln,W++;try{return e()}finally{nn()}}var an,U=void 0;function on(e){var t=U,n=an;U=void 0,an=void 0;try{return e()}finally{U=t,an=n}}var sn=void 0,W=0,cn=0,ln=0,un=0,dn=void 0,fn=0;function pn(e){if(U!==void 0){var t=e.n;if(t===void 0||t.t!==U)return t={i:0,S:e,p:U.s,n:void 0,t:U,e:void 0,x:void 0,r:t},U.s!==void 0&&(U.s.n=t),U.s=t,e.n=t,32&U.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=U.s,t.n=void 0,U.s.n=t,U.s=t),t}}function G(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}G.prototype.brand=tn,G.prototype.h=function(){return!0},G.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n===void 0?on(function(){var e;(e=t.W)==null||e.call(t)}):n.e=e)},G.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,r=e.x;n!==void 0&&(n.x=r,e.e=void 0),r!==void 0&&(r.e=n,e.x=void 0),e===this.t&&(this.t=r,r===void 0&&on(function(){var e;(e=t.Z)==null||e.call(t)}))}},G.prototype.subscribe=function(e){var t=this;return xn(function(){var n=t.value;on(function(){return e(n)})},{name:`sub`})},G.prototype.valueOf=function(){return this.value},G.prototype.toString=function(){return this.value+``},G.prototype.toJSON=function(){return this.value},G.prototype.peek=function(){var e=this;return on(function(){return e.value})},Object.defineProperty(G.prototype,"value",{get:function(){var e=pn(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(cn>100)throw Error(`Cycle detected`);(function(e){W!==0&&cn===0&&e.l!==un&&(e.l=un,dn={S:e,v:e.v,i:e.i,o:dn})})(this),this.v=e,this.i++,fn++,W++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{nn()}}}});function K(e,t){return new G(e,t)}function mn(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function hn(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function gn(e){for(var t=e.s,n=void 0;t!==void 0;){var r=t.p;t.i===-1?(t.S.U(t),r!==void 0&&(r.n=t.n),t.n!==void 0&&(t.n.p=r)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=r}e.s=n}function q(e,t){G.call(this,void 0,t),this.x=e,this.s=void 0,this.g=fn-1,this.f=4}q.prototype=new G,q.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===fn))return!0;if(this.g=fn,this.f|=1,this.i>0&&!mn(this))return this.f&=-2,!0;var e=U;try{hn(this),U=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(e){this.v=e,this.f|=16,this.i++}return U=e,gn(this),this.f&=-2,!0},q.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}G.prototype.S.call(this,e)},q.prototype.U=function(e){if(this.t!==void 0&&(G.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}},q.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}},Object.defineProperty(q.prototype,"value",{get:function(){if(1&this.f)throw Error(`Cycle detected`);var e=pn(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function J(e,t){return new q(e,t)}function _n(e){var t=e.j;if(e.j=void 0,typeof t==`function`){W++;var n=U;U=void 0;try{t()}catch(t){throw e.f&=-2,e.f|=8,vn(e),t}finally{U=n,nn()}}}function vn(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,_n(e)}function yn(e){if(U!==this)throw Error(`Out-of-order effect`);gn(this),U=e,this.f&=-2;try{8&this.f&&vn(this)}finally{nn()}}function bn(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,an&&an.push(this)}bn.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t==`function`&&(this.j=t)}finally{e()}},bn.prototype.S=function(){if(1&this.f)throw Error(`Cycle detected`);this.f|=1,this.f&=-9,_n(this),hn(this),W++;var e=U;return U=this,yn.bind(this,e)},bn.prototype.N=function(){2&this.f||(this.f|=2,this.u=sn,sn=this)},bn.prototype.d=function(){this.f|=8,1&this.f||vn(this)},bn.prototype.dispose=function(){this.d()};function xn(e,t){var n=new bn(e,t);try{n.c()}catch(e){throw n.d(),e}var r=n.d.bind(n);return r[Symbol.dispose]=r,r}var Sn,Cn,wn=typeof window<`u`&&!!window.__PREACT_SIGNALS_DEVTOOLS__,Tn=[];xn(function(){Sn=this.N})();function En(e,t){r[e]=t.bind(null,r[e]||function(){})}function Dn(e){if(Cn){var t=Cn;Cn=void 0,t()}Cn=e&&e.S()}function On(e){var t=this,n=e.data,r=An(n);r.name=`ReactiveDom`,r.value=n;var i=B(function(){for(var e=t,n=t.__v;n=n.__;)if(n.__c){n.__c.__$f|=4;break}var i=J(function(){var e=r.value.value;return e===0?0:!0===e?``:e||``}),o=J(function(){return!Array.isArray(i.value)&&!a(i.value)}),s=xn(function(){if(this.N=Nn,o.value){var t=i.value;e.__v&&e.__v.__e&&e.__v.__e.nodeType===3&&(e.__v.__e.data=t)}}),c=t.__$u.d;return t.__$u.d=function(){s(),c.call(this)},[o,i]},[]),o=i[0],s=i[1];return o.value?s.peek():s.value}On.displayName=`ReactiveTextNode`,Object.defineProperties(G.prototype,{constructor:{configurable:!0,value:C(E,null).constructor},type:{configurable:!0,value:On},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}}),En(`__b`,function(e,t){if(Dn(),typeof t.type==`string`){var n,r=t.props;for(var i in r)if(i!==`children`){var a=r[i];a instanceof G&&(n||(t.__np=n={}),n[i]=a,r[i]=a.peek())}}e(t)}),En(`__r`,function(e,t){if(e(t),t.type!==E){Dn();var n,r=t.__c;r&&(r.__$f&=-2,(n=r.__$u)===void 0&&(r.__$u=n=function(e,t){var n;return xn(function(){n=this},{name:t}),n.c=e,n}(function(e){return function(){var t;wn&&((t=this.y)==null||t.call(this)),e.__$f|=1,e.setState({})}}(r),typeof t.type==`function`?t.type.displayName||t.type.name:``))),Dn(n)}}),En(`__e`,function(e,t,n,r){Dn(),e(t,n,r)}),En(`diffed`,function(e,t){Dn();var n;if(typeof t.type==`string`&&(n=t.__e)){var r=t.__np,i=t.props,a=n.U;if(a)for(var o in a){var s=a[o];s===void 0||r&&o in r||(s.d(),a[o]=void 0)}if(r)for(var c in a||(a={},n.U=a),r){var l=a[c],u=r[c];l===void 0?(l=kn(n,c,u,i),a[c]=l):l.o(u,i)}}e(t)});function kn(e,t,n,r){var i=t in e&&e.ownerSVGElement===void 0,a=K(n);return{o:function(e,t){a.value=e,r=t},d:xn(function(){this.N=Nn;var n=a.value.value;r[t]!==n&&(r[t]=n,i?e[t]=n:n!=null&&(!1!==n||t[4]===`-`)?e.setAttribute(t,n):e.removeAttribute(t))})}}En(`unmount`,function(e,t){if(typeof t.type==`string`){var n=t.__e;if(n){var r=n.U;if(r)for(var i in n.U=void 0,r){var a=r[i];a&&a.d()}}var o=t.__np;if(o){var s=t.props;for(var c in o)s[c]=o[c]}t.__np=void 0}else{var l=t.__c;if(l){l.__$f|=8;var u=l.__$u;u&&(l.__$u=void 0,u.d())}}e(t)}),En(`__h`,function(e,t,n,r){r<3&&(t.__$f|=2),e(t,n,r)}),ee.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,r=n&&n.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u==`boolean`&&!0===this.u){var a=2&this.__$f;if(!(r||a||4&this.__$f)||1&this.__$f)return!0}else if(!(r||4&this.__$f)||3&this.__$f)return!0;for(var o in e)if(o!==`__source`&&e[o]!==this.props[o])return!0;for(var s in this.props)if(!(s in e))return!0;return!1};function An(e,t){return B(function(){return K(e,t)},[])}var jn=function(e){queueMicrotask(function(){queueMicrotask(e)})};function Mn(){rn(function(){for(var e;e=Tn.shift();)Sn.call(e)})}function Nn(){Tn.push(this)===1&&(r.requestAnimationFrame||jn)(Mn)}function Pn(e){return Object.assign({},...Object.values(e).map(e=>e.default))}var Fn={en:Pn(Object.assign({"./accounts.en.json":st,"./budget.en.json":lt,"./core.en.json":dt,"./myaccount.en.json":pt,"./overview.en.json":ht,"./qr.en.json":_t,"./security.en.json":yt,"./station.en.json":xt,"./stations.en.json":Ct,"./tags.en.json":Tt,"./transactions.en.json":Dt,"./usage.en.json":kt})),id:Pn(Object.assign({"./accounts.id.json":jt,"./budget.id.json":Nt,"./core.id.json":Ft,"./myaccount.id.json":Lt,"./overview.id.json":zt,"./qr.id.json":Vt,"./security.id.json":Ut,"./station.id.json":Gt,"./stations.id.json":qt,"./tags.id.json":Yt,"./transactions.id.json":Zt,"./usage.id.json":$t}))},In=[{code:`en`,name:`English`},{code:`id`,name:`Bahasa Indonesia`}],Ln=`chargegate.lang`;function Rn(){let e=localStorage.getItem(Ln);return e===`en`||e===`id`?e:navigator.language.toLowerCase().startsWith(`id`)?`id`:`en`}var Y=K(Rn());function zn(e){localStorage.setItem(Ln,e),Y.value=e,document.documentElement.lang=e}document.documentElement.lang=Y.value;function X(e,t){let n=Fn[Y.value][e]??e;if(t)for(let[e,r]of Object.entries(t))n=n.replaceAll(`{${e}}`,String(r));return n}var Bn=J(()=>Y.value===`id`?`id-ID`:`en-GB`),Vn=new Map;function Hn(e,t,n){let r=`${e}|${Bn.value}|${JSON.stringify(t)}`,i=Vn.get(r);return i||(i=n(Bn.value),Vn.set(r,i)),i}function Un(e){return Hn(`n`,e,t=>new Intl.NumberFormat(t,e))}function Wn(e){return Hn(`d`,e,t=>new Intl.DateTimeFormat(t,e))}function Gn(e,t=0){return e==null||Number.isNaN(e)?`–`:Un({maximumFractionDigits:t,minimumFractionDigits:0}).format(e)}function Kn(e){return e==null?`–`:`${Gn(e/1e3,2)} kWh`}function qn(e){return e==null?`–`:Math.abs(e)<1e3?`${Gn(e)} W`:`${Gn(e/1e3,1)} kW`}function Jn(e){return e?Wn({dateStyle:`medium`,timeStyle:`medium`}).format(new Date(e)):`–`}function Yn(e){return e?Wn({dateStyle:`medium`}).format(new Date(e)):`–`}function Xn(e){if(e==null)return`–`;let t=Math.floor(e/3600),n=Math.floor(e%3600/60),r=Math.floor(e%60);return t>0?`${t} h ${n} min`:n>0?`${n} min ${r} s`:`${r} s`}function Zn(e){if(!e)return`–`;let t=Math.round((Date.parse(e)-Date.now())/1e3),n=Hn(`r`,{},e=>new Intl.RelativeTimeFormat(e,{numeric:`auto`})),r=Math.abs(t);return r<60?n.format(t,`second`):r<3600?n.format(Math.round(t/60),`minute`):r<86400?n.format(Math.round(t/3600),`hour`):n.format(Math.round(t/86400),`day`)}var Z=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Qn=new Z(`
    fragment ChargingScheduleFields on ChargingSchedule {
  chargingRateUnit
  duration
  startSchedule
  minChargingRate
  chargingSchedulePeriod {
    startPeriod
    limit
    numberPhases
  }
}
    `,{fragmentName:`ChargingScheduleFields`}),$n={"\n  query PendingAccounts {\n    accounts(pending: true) {\n      username\n    }\n  }\n":new Z(`
    query PendingAccounts {
  accounts(pending: true) {
    username
  }
}
    `),"\n  query AccountsList {\n    accounts {\n      username\n      role\n      stations\n      pending\n      createdAt\n      updatedAt\n      idTags {\n        idTag\n        status\n        effectiveStatus\n      }\n      budget {\n        limitWh\n        period\n        periodStart\n        periodEnd\n        usedWh\n        remainingWh\n        exhausted\n      }\n    }\n  }\n":new Z(`
    query AccountsList {
  accounts {
    username
    role
    stations
    pending
    createdAt
    updatedAt
    idTags {
      idTag
      status
      effectiveStatus
    }
    budget {
      limitWh
      period
      periodStart
      periodEnd
      usedWh
      remainingWh
      exhausted
    }
  }
}
    `),"\n  mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {\n    createAccount(username: $username, password: $password, role: $role, stations: $stations) {\n      username\n    }\n  }\n":new Z(`
    mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {
  createAccount(
    username: $username
    password: $password
    role: $role
    stations: $stations
  ) {
    username
  }
}
    `),"\n  mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {\n    updateAccount(username: $username, role: $role, stations: $stations) {\n      username\n    }\n  }\n":new Z(`
    mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {
  updateAccount(username: $username, role: $role, stations: $stations) {
    username
  }
}
    `),"\n  mutation AccountsResetPassword($username: String!, $password: String!) {\n    updateAccount(username: $username, password: $password) {\n      username\n    }\n  }\n":new Z(`
    mutation AccountsResetPassword($username: String!, $password: String!) {
  updateAccount(username: $username, password: $password) {
    username
  }
}
    `),"\n  mutation AccountsDelete($username: String!) {\n    deleteAccount(username: $username)\n  }\n":new Z(`
    mutation AccountsDelete($username: String!) {
  deleteAccount(username: $username)
}
    `),"\n  mutation AccountsApprove($username: String!) {\n    approveAccount(username: $username) {\n      username\n      pending\n    }\n  }\n":new Z(`
    mutation AccountsApprove($username: String!) {
  approveAccount(username: $username) {
    username
    pending
  }
}
    `),"\n  mutation AccountsSetBudget($username: String!, $budget: EnergyBudgetInput) {\n    setAccountBudget(username: $username, budget: $budget) {\n      username\n    }\n  }\n":new Z(`
    mutation AccountsSetBudget($username: String!, $budget: EnergyBudgetInput) {
  setAccountBudget(username: $username, budget: $budget) {
    username
  }
}
    `),"\n  query AccountsTagOwner($idTag: String!) {\n    idTag(idTag: $idTag) {\n      idTag\n      owner\n    }\n  }\n":new Z(`
    query AccountsTagOwner($idTag: String!) {
  idTag(idTag: $idTag) {
    idTag
    owner
  }
}
    `),"\n  mutation AccountsGiveTag($idTag: String!, $owner: String) {\n    updateIdTag(idTag: $idTag, input: { owner: $owner }) {\n      idTag\n      owner\n    }\n  }\n":new Z(`
    mutation AccountsGiveTag($idTag: String!, $owner: String) {
  updateIdTag(idTag: $idTag, input: {owner: $owner}) {
    idTag
    owner
  }
}
    `),"\n  mutation AccountsCreateTag($idTag: String!, $owner: String!) {\n    createIdTag(input: { idTag: $idTag, owner: $owner, status: ACCEPTED }) {\n      idTag\n      owner\n    }\n  }\n":new Z(`
    mutation AccountsCreateTag($idTag: String!, $owner: String!) {
  createIdTag(input: {idTag: $idTag, owner: $owner, status: ACCEPTED}) {
    idTag
    owner
  }
}
    `),"\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      role\n      expiresAt\n    }\n  }\n":new Z(`
    mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    role
    expiresAt
  }
}
    `),"\n  query Me {\n    me {\n      sub\n      role\n      stations\n    }\n  }\n":new Z(`
    query Me {
  me {
    sub
    role
    stations
  }
}
    `),"\n  mutation MyAccountChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n":new Z(`
    mutation MyAccountChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `),"\n  query OverviewSummary($since: DateTime) {\n    fleetSummary(since: $since) {\n      at\n      since\n      stations\n      online\n      offline\n      pending\n      rejected\n      activeTransactions\n      energyWh\n      connectors {\n        status\n        count\n      }\n    }\n  }\n":new Z(`
    query OverviewSummary($since: DateTime) {
  fleetSummary(since: $since) {
    at
    since
    stations
    online
    offline
    pending
    rejected
    activeTransactions
    energyWh
    connectors {
      status
      count
    }
  }
}
    `),"\n  subscription OverviewSummaryLive($since: DateTime, $everySeconds: Int!) {\n    fleetSummary(since: $since, everySeconds: $everySeconds) {\n      at\n      since\n      stations\n      online\n      offline\n      pending\n      rejected\n      activeTransactions\n      energyWh\n      connectors {\n        status\n        count\n      }\n    }\n  }\n":new Z(`
    subscription OverviewSummaryLive($since: DateTime, $everySeconds: Int!) {
  fleetSummary(since: $since, everySeconds: $everySeconds) {
    at
    since
    stations
    online
    offline
    pending
    rejected
    activeTransactions
    energyWh
    connectors {
      status
      count
    }
  }
}
    `),"\n  query OverviewAttention($limit: Int!) {\n    attention(limit: $limit) {\n      kind\n      stationId\n      connectorId\n      detail\n      since\n    }\n  }\n":new Z(`
    query OverviewAttention($limit: Int!) {
  attention(limit: $limit) {
    kind
    stationId
    connectorId
    detail
    since
  }
}
    `),"\n  mutation OverviewApproveStation($id: ID!) {\n    approveStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Z(`
    mutation OverviewApproveStation($id: ID!) {
  approveStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  query SecPending($first: Int, $last: Int, $after: String, $before: String) {\n    stations(registrationStatus: PENDING, first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        vendor\n        model\n        firmwareVersion\n        connected\n        firstSeenAt\n        lastSeenAt\n      }\n    }\n  }\n":new Z(`
    query SecPending($first: Int, $last: Int, $after: String, $before: String) {
  stations(
    registrationStatus: PENDING
    first: $first
    last: $last
    after: $after
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      vendor
      model
      firmwareVersion
      connected
      firstSeenAt
      lastSeenAt
    }
  }
}
    `),"\n  mutation SecApprove($id: ID!) {\n    approveStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Z(`
    mutation SecApprove($id: ID!) {
  approveStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  mutation SecReject($id: ID!) {\n    rejectStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Z(`
    mutation SecReject($id: ID!) {
  rejectStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  query SecProfiles($first: Int, $last: Int, $after: String, $before: String) {\n    stations(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        connected\n        registrationStatus\n        securityProfile\n        hasAuthorizationKey\n      }\n    }\n  }\n":new Z(`
    query SecProfiles($first: Int, $last: Int, $after: String, $before: String) {
  stations(first: $first, last: $last, after: $after, before: $before) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      connected
      registrationStatus
      securityProfile
      hasAuthorizationKey
    }
  }
}
    `),"\n  query SecStation($id: ID!) {\n    station(id: $id) {\n      id\n      connected\n      registrationStatus\n      securityProfile\n      hasAuthorizationKey\n    }\n  }\n":new Z(`
    query SecStation($id: ID!) {
  station(id: $id) {
    id
    connected
    registrationStatus
    securityProfile
    hasAuthorizationKey
  }
}
    `),"\n  mutation SecSetProfile($stationId: ID!, $profile: Int!) {\n    setStationSecurityProfile(stationId: $stationId, profile: $profile) {\n      id\n      securityProfile\n    }\n  }\n":new Z(`
    mutation SecSetProfile($stationId: ID!, $profile: Int!) {
  setStationSecurityProfile(stationId: $stationId, profile: $profile) {
    id
    securityProfile
  }
}
    `),"\n  mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {\n    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {\n      status\n      station {\n        id\n        hasAuthorizationKey\n      }\n    }\n  }\n":new Z(`
    mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
  setStationAuthorizationKey(
    stationId: $stationId
    key: $key
    sendToStation: $sendToStation
  ) {
    status
    station {
      id
      hasAuthorizationKey
    }
  }
}
    `),"\n  query SecEvents($stationId: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    securityEvents(stationId: $stationId, first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        timestamp\n        receivedAt\n        techInfo\n      }\n    }\n  }\n":new Z(`
    query SecEvents($stationId: ID!, $first: Int, $last: Int, $after: String, $before: String) {
  securityEvents(
    stationId: $stationId
    first: $first
    last: $last
    after: $after
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      type
      timestamp
      receivedAt
      techInfo
    }
  }
}
    `),"\n  subscription SecEventsLive($stationId: ID!) {\n    securityEvents(stationId: $stationId) {\n      id\n      type\n      timestamp\n      receivedAt\n      techInfo\n    }\n  }\n":new Z(`
    subscription SecEventsLive($stationId: ID!) {
  securityEvents(stationId: $stationId) {
    id
    type
    timestamp
    receivedAt
    techInfo
  }
}
    `),"\n  query SecCsrs($state: CsrState, $stationId: ID, $first: Int, $last: Int, $after: String, $before: String) {\n    certificateSigningRequests(\n      state: $state\n      stationId: $stationId\n      first: $first\n      last: $last\n      after: $after\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        stationId\n        state\n        commonName\n        organization\n        receivedAt\n        sentAt\n        answeredAt\n        signedBy\n        stationStatus\n        reason\n        csr\n      }\n    }\n  }\n":new Z(`
    query SecCsrs($state: CsrState, $stationId: ID, $first: Int, $last: Int, $after: String, $before: String) {
  certificateSigningRequests(
    state: $state
    stationId: $stationId
    first: $first
    last: $last
    after: $after
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      stationId
      state
      commonName
      organization
      receivedAt
      sentAt
      answeredAt
      signedBy
      stationStatus
      reason
      csr
    }
  }
}
    `),"\n  mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {\n    certificateSigned(stationId: $stationId, requestId: $requestId, certificateChain: $certificateChain) {\n      status\n    }\n  }\n":new Z(`
    mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {
  certificateSigned(
    stationId: $stationId
    requestId: $requestId
    certificateChain: $certificateChain
  ) {
    status
  }
}
    `),"\n  query StationPage($id: ID!) {\n    station(id: $id) {\n      id\n      connected\n      connectedSince\n      registrationStatus\n      securityProfile\n      hasAuthorizationKey\n      vendor\n      model\n      chargePointSerialNumber\n      chargeBoxSerialNumber\n      firmwareVersion\n      firmwareStatus\n      firmwareStatusAt\n      diagnosticsStatus\n      diagnosticsStatusAt\n      iccid\n      imsi\n      meterType\n      meterSerialNumber\n      createdAt\n      firstSeenAt\n      lastBootAt\n      lastHeartbeatAt\n      lastSeenAt\n      connectors {\n        connectorId\n        status\n        errorCode\n        info\n        vendorErrorCode\n        vendorId\n        statusTimestamp\n        updatedAt\n        lastMeterReading {\n          timestamp\n          transactionId\n          sampledValues {\n            measurand\n            phase\n            numericValue\n            unit\n          }\n        }\n        currentTransaction {\n          id\n          connectorId\n          idTag\n          startTime\n          meterStart\n          energyWh\n        }\n      }\n    }\n  }\n":new Z(`
    query StationPage($id: ID!) {
  station(id: $id) {
    id
    connected
    connectedSince
    registrationStatus
    securityProfile
    hasAuthorizationKey
    vendor
    model
    chargePointSerialNumber
    chargeBoxSerialNumber
    firmwareVersion
    firmwareStatus
    firmwareStatusAt
    diagnosticsStatus
    diagnosticsStatusAt
    iccid
    imsi
    meterType
    meterSerialNumber
    createdAt
    firstSeenAt
    lastBootAt
    lastHeartbeatAt
    lastSeenAt
    connectors {
      connectorId
      status
      errorCode
      info
      vendorErrorCode
      vendorId
      statusTimestamp
      updatedAt
      lastMeterReading {
        timestamp
        transactionId
        sampledValues {
          measurand
          phase
          numericValue
          unit
        }
      }
      currentTransaction {
        id
        connectorId
        idTag
        startTime
        meterStart
        energyWh
      }
    }
  }
}
    `),"\n  query StationDetails($id: ID!) {\n    station(id: $id) {\n      id\n      displayName\n      site\n      address\n      latitude\n      longitude\n      note\n    }\n  }\n":new Z(`
    query StationDetails($id: ID!) {
  station(id: $id) {
    id
    displayName
    site
    address
    latitude
    longitude
    note
  }
}
    `),"\n  mutation StationUpdateDetails($id: ID!, $input: StationDetailsInput!) {\n    updateStationDetails(id: $id, input: $input) {\n      id\n      displayName\n      site\n      address\n      latitude\n      longitude\n      note\n    }\n  }\n":new Z(`
    mutation StationUpdateDetails($id: ID!, $input: StationDetailsInput!) {
  updateStationDetails(id: $id, input: $input) {
    id
    displayName
    site
    address
    latitude
    longitude
    note
  }
}
    `),"\n  subscription StationConnectorStatus($stationId: ID!) {\n    connectorStatus(stationId: $stationId) {\n      connectorId\n      status\n      errorCode\n      info\n      timestamp\n    }\n  }\n":new Z(`
    subscription StationConnectorStatus($stationId: ID!) {
  connectorStatus(stationId: $stationId) {
    connectorId
    status
    errorCode
    info
    timestamp
  }
}
    `),"\n  subscription StationMeterValues($stationId: ID!) {\n    meterValues(stationId: $stationId) {\n      connectorId\n      transactionId\n      meterValues {\n        timestamp\n        transactionId\n        sampledValues {\n          measurand\n          phase\n          numericValue\n          unit\n        }\n      }\n    }\n  }\n":new Z(`
    subscription StationMeterValues($stationId: ID!) {
  meterValues(stationId: $stationId) {
    connectorId
    transactionId
    meterValues {
      timestamp
      transactionId
      sampledValues {
        measurand
        phase
        numericValue
        unit
      }
    }
  }
}
    `),"\n  subscription StationTransactionEvents($stationId: ID!) {\n    transactionEvents(stationId: $stationId) {\n      kind\n      transaction {\n        id\n        connectorId\n        idTag\n        startTime\n        meterStart\n        energyWh\n      }\n    }\n  }\n":new Z(`
    subscription StationTransactionEvents($stationId: ID!) {
  transactionEvents(stationId: $stationId) {
    kind
    transaction {
      id
      connectorId
      idTag
      startTime
      meterStart
      energyWh
    }
  }
}
    `),"\n  subscription StationEvents($stationId: ID!) {\n    stationEvents(stationId: $stationId) {\n      kind\n      at\n    }\n  }\n":new Z(`
    subscription StationEvents($stationId: ID!) {
  stationEvents(stationId: $stationId) {
    kind
    at
  }
}
    `),"\n  query StationMeterChart($id: ID!, $from: DateTime!) {\n    station(id: $id) {\n      id\n      energy: meterValues(last: 500, from: $from, measurand: ENERGY_ACTIVE_IMPORT_REGISTER) {\n        nodes {\n          connectorId\n          measurand\n          phase\n          numericValue\n          unit\n          timestamp\n        }\n      }\n      power: meterValues(last: 500, from: $from, measurand: POWER_ACTIVE_IMPORT) {\n        nodes {\n          connectorId\n          measurand\n          phase\n          numericValue\n          unit\n          timestamp\n        }\n      }\n    }\n  }\n":new Z(`
    query StationMeterChart($id: ID!, $from: DateTime!) {
  station(id: $id) {
    id
    energy: meterValues(
      last: 500
      from: $from
      measurand: ENERGY_ACTIVE_IMPORT_REGISTER
    ) {
      nodes {
        connectorId
        measurand
        phase
        numericValue
        unit
        timestamp
      }
    }
    power: meterValues(last: 500, from: $from, measurand: POWER_ACTIVE_IMPORT) {
      nodes {
        connectorId
        measurand
        phase
        numericValue
        unit
        timestamp
      }
    }
  }
}
    `),"\n  query StationLocalList($stationId: ID!) {\n    localAuthList(stationId: $stationId) {\n      version\n      updatedAt\n      entries {\n        idTag\n        status\n        expiryDate\n        parentIdTag\n      }\n    }\n  }\n":new Z(`
    query StationLocalList($stationId: ID!) {
  localAuthList(stationId: $stationId) {
    version
    updatedAt
    entries {
      idTag
      status
      expiryDate
      parentIdTag
    }
  }
}
    `),"\n  mutation StationSendLocalList(\n    $stationId: ID!\n    $updateType: UpdateType!\n    $idTags: [String!]!\n    $removeIdTags: [String!]!\n    $listVersion: Int\n  ) {\n    sendLocalList(\n      stationId: $stationId\n      updateType: $updateType\n      idTags: $idTags\n      removeIdTags: $removeIdTags\n      listVersion: $listVersion\n    ) {\n      status\n      listVersion\n    }\n  }\n":new Z(`
    mutation StationSendLocalList($stationId: ID!, $updateType: UpdateType!, $idTags: [String!]!, $removeIdTags: [String!]!, $listVersion: Int) {
  sendLocalList(
    stationId: $stationId
    updateType: $updateType
    idTags: $idTags
    removeIdTags: $removeIdTags
    listVersion: $listVersion
  ) {
    status
    listVersion
  }
}
    `),"\n  mutation StationGetLocalListVersion($stationId: ID!) {\n    getLocalListVersion(stationId: $stationId) {\n      listVersion\n      storedVersion\n    }\n  }\n":new Z(`
    mutation StationGetLocalListVersion($stationId: ID!) {
  getLocalListVersion(stationId: $stationId) {
    listVersion
    storedVersion
  }
}
    `),"\n  query StationReservations($stationId: ID!, $includeEnded: Boolean!) {\n    reservations(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {\n      id\n      connectorId\n      idTag\n      parentIdTag\n      expiryDate\n      state\n      stationStatus\n      transactionId\n      createdAt\n      endedAt\n    }\n  }\n":new Z(`
    query StationReservations($stationId: ID!, $includeEnded: Boolean!) {
  reservations(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {
    id
    connectorId
    idTag
    parentIdTag
    expiryDate
    state
    stationStatus
    transactionId
    createdAt
    endedAt
  }
}
    `),"\n  mutation StationReserveNow(\n    $stationId: ID!\n    $connectorId: Int!\n    $idTag: String!\n    $expiryDate: DateTime!\n    $parentIdTag: String\n  ) {\n    reserveNow(\n      stationId: $stationId\n      connectorId: $connectorId\n      idTag: $idTag\n      expiryDate: $expiryDate\n      parentIdTag: $parentIdTag\n    ) {\n      status\n      reservation {\n        id\n      }\n    }\n  }\n":new Z(`
    mutation StationReserveNow($stationId: ID!, $connectorId: Int!, $idTag: String!, $expiryDate: DateTime!, $parentIdTag: String) {
  reserveNow(
    stationId: $stationId
    connectorId: $connectorId
    idTag: $idTag
    expiryDate: $expiryDate
    parentIdTag: $parentIdTag
  ) {
    status
    reservation {
      id
    }
  }
}
    `),"\n  mutation StationCancelReservation($reservationId: Int!) {\n    cancelReservation(reservationId: $reservationId) {\n      status\n    }\n  }\n":new Z(`
    mutation StationCancelReservation($reservationId: Int!) {
  cancelReservation(reservationId: $reservationId) {
    status
  }
}
    `),"\n  fragment ChargingScheduleFields on ChargingSchedule {\n    chargingRateUnit\n    duration\n    startSchedule\n    minChargingRate\n    chargingSchedulePeriod {\n      startPeriod\n      limit\n      numberPhases\n    }\n  }\n":Qn,"\n  query StationChargingProfiles($stationId: ID!, $includeEnded: Boolean!) {\n    chargingProfiles(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {\n      id\n      connectorId\n      state\n      installedAt\n      endedAt\n      profile {\n        chargingProfileId\n        chargingProfilePurpose\n        chargingProfileKind\n        recurrencyKind\n        stackLevel\n        transactionId\n        validFrom\n        validTo\n        chargingSchedule {\n          ...ChargingScheduleFields\n        }\n      }\n    }\n  }\n":new Z(`
    query StationChargingProfiles($stationId: ID!, $includeEnded: Boolean!) {
  chargingProfiles(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {
    id
    connectorId
    state
    installedAt
    endedAt
    profile {
      chargingProfileId
      chargingProfilePurpose
      chargingProfileKind
      recurrencyKind
      stackLevel
      transactionId
      validFrom
      validTo
      chargingSchedule {
        ...ChargingScheduleFields
      }
    }
  }
}
    fragment ChargingScheduleFields on ChargingSchedule {
  chargingRateUnit
  duration
  startSchedule
  minChargingRate
  chargingSchedulePeriod {
    startPeriod
    limit
    numberPhases
  }
}`),"\n  mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {\n    setChargingProfile(stationId: $stationId, connectorId: $connectorId, profile: $profile) {\n      status\n    }\n  }\n":new Z(`
    mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {
  setChargingProfile(
    stationId: $stationId
    connectorId: $connectorId
    profile: $profile
  ) {
    status
  }
}
    `),"\n  mutation StationClearChargingProfile(\n    $stationId: ID!\n    $id: Int\n    $connectorId: Int\n    $chargingProfilePurpose: ChargingProfilePurpose\n    $stackLevel: Int\n  ) {\n    clearChargingProfile(\n      stationId: $stationId\n      id: $id\n      connectorId: $connectorId\n      chargingProfilePurpose: $chargingProfilePurpose\n      stackLevel: $stackLevel\n    ) {\n      status\n    }\n  }\n":new Z(`
    mutation StationClearChargingProfile($stationId: ID!, $id: Int, $connectorId: Int, $chargingProfilePurpose: ChargingProfilePurpose, $stackLevel: Int) {
  clearChargingProfile(
    stationId: $stationId
    id: $id
    connectorId: $connectorId
    chargingProfilePurpose: $chargingProfilePurpose
    stackLevel: $stackLevel
  ) {
    status
  }
}
    `),"\n  mutation StationCompositeSchedule(\n    $stationId: ID!\n    $connectorId: Int!\n    $duration: Int!\n    $chargingRateUnit: ChargingRateUnit\n  ) {\n    getCompositeSchedule(\n      stationId: $stationId\n      connectorId: $connectorId\n      duration: $duration\n      chargingRateUnit: $chargingRateUnit\n    ) {\n      status\n      connectorId\n      scheduleStart\n      chargingSchedule {\n        ...ChargingScheduleFields\n      }\n    }\n  }\n":new Z(`
    mutation StationCompositeSchedule($stationId: ID!, $connectorId: Int!, $duration: Int!, $chargingRateUnit: ChargingRateUnit) {
  getCompositeSchedule(
    stationId: $stationId
    connectorId: $connectorId
    duration: $duration
    chargingRateUnit: $chargingRateUnit
  ) {
    status
    connectorId
    scheduleStart
    chargingSchedule {
      ...ChargingScheduleFields
    }
  }
}
    fragment ChargingScheduleFields on ChargingSchedule {
  chargingRateUnit
  duration
  startSchedule
  minChargingRate
  chargingSchedulePeriod {
    startPeriod
    limit
    numberPhases
  }
}`),"\n  query StationFirmwareUpdates($stationId: ID!) {\n    firmwareUpdates(stationId: $stationId, limit: 20) {\n      id\n      location\n      retrieveDate\n      retries\n      retryInterval\n      requestedAt\n      requestedBy\n    }\n    diagnosticsRequests(stationId: $stationId, limit: 20) {\n      id\n      location\n      requestedAt\n      requestedBy\n      startTime\n      stopTime\n      fileName\n      uploadedName\n      uploadedAt\n      uploadExpiresAt\n      size\n      downloadPath\n    }\n    statusNotifications(stationId: $stationId, limit: 20) {\n      at\n      kind\n      status\n    }\n  }\n":new Z(`
    query StationFirmwareUpdates($stationId: ID!) {
  firmwareUpdates(stationId: $stationId, limit: 20) {
    id
    location
    retrieveDate
    retries
    retryInterval
    requestedAt
    requestedBy
  }
  diagnosticsRequests(stationId: $stationId, limit: 20) {
    id
    location
    requestedAt
    requestedBy
    startTime
    stopTime
    fileName
    uploadedName
    uploadedAt
    uploadExpiresAt
    size
    downloadPath
  }
  statusNotifications(stationId: $stationId, limit: 20) {
    at
    kind
    status
  }
}
    `),"\n  mutation StationUpdateFirmware(\n    $stationId: ID!\n    $location: String!\n    $retrieveDate: DateTime!\n    $retries: Int\n    $retryInterval: Int\n  ) {\n    updateFirmware(\n      stationId: $stationId\n      location: $location\n      retrieveDate: $retrieveDate\n      retries: $retries\n      retryInterval: $retryInterval\n    ) {\n      id\n    }\n  }\n":new Z(`
    mutation StationUpdateFirmware($stationId: ID!, $location: String!, $retrieveDate: DateTime!, $retries: Int, $retryInterval: Int) {
  updateFirmware(
    stationId: $stationId
    location: $location
    retrieveDate: $retrieveDate
    retries: $retries
    retryInterval: $retryInterval
  ) {
    id
  }
}
    `),"\n  mutation StationGetDiagnostics(\n    $stationId: ID!\n    $location: String\n    $retries: Int\n    $retryInterval: Int\n    $startTime: DateTime\n    $stopTime: DateTime\n  ) {\n    getDiagnostics(\n      stationId: $stationId\n      location: $location\n      retries: $retries\n      retryInterval: $retryInterval\n      startTime: $startTime\n      stopTime: $stopTime\n    ) {\n      id\n      fileName\n    }\n  }\n":new Z(`
    mutation StationGetDiagnostics($stationId: ID!, $location: String, $retries: Int, $retryInterval: Int, $startTime: DateTime, $stopTime: DateTime) {
  getDiagnostics(
    stationId: $stationId
    location: $location
    retries: $retries
    retryInterval: $retryInterval
    startTime: $startTime
    stopTime: $stopTime
  ) {
    id
    fileName
  }
}
    `),"\n  mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {\n    installCertificate(stationId: $stationId, certificateType: $certificateType, certificate: $certificate) {\n      status\n    }\n  }\n":new Z(`
    mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {
  installCertificate(
    stationId: $stationId
    certificateType: $certificateType
    certificate: $certificate
  ) {
    status
  }
}
    `),"\n  mutation StationInstalledCertificates($stationId: ID!, $certificateType: CertificateUse!) {\n    getInstalledCertificateIds(stationId: $stationId, certificateType: $certificateType) {\n      status\n      certificateHashData {\n        hashAlgorithm\n        issuerNameHash\n        issuerKeyHash\n        serialNumber\n      }\n    }\n  }\n":new Z(`
    mutation StationInstalledCertificates($stationId: ID!, $certificateType: CertificateUse!) {
  getInstalledCertificateIds(
    stationId: $stationId
    certificateType: $certificateType
  ) {
    status
    certificateHashData {
      hashAlgorithm
      issuerNameHash
      issuerKeyHash
      serialNumber
    }
  }
}
    `),"\n  mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {\n    deleteCertificate(stationId: $stationId, certificateHashData: $certificateHashData) {\n      status\n    }\n  }\n":new Z(`
    mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {
  deleteCertificate(
    stationId: $stationId
    certificateHashData: $certificateHashData
  ) {
    status
  }
}
    `),"\n  mutation StationGetLog(\n    $stationId: ID!\n    $logType: LogType!\n    $remoteLocation: String!\n    $oldestTimestamp: DateTime\n    $latestTimestamp: DateTime\n    $retries: Int\n    $retryInterval: Int\n  ) {\n    getLog(\n      stationId: $stationId\n      logType: $logType\n      remoteLocation: $remoteLocation\n      oldestTimestamp: $oldestTimestamp\n      latestTimestamp: $latestTimestamp\n      retries: $retries\n      retryInterval: $retryInterval\n    ) {\n      status\n      requestId\n      filename\n    }\n  }\n":new Z(`
    mutation StationGetLog($stationId: ID!, $logType: LogType!, $remoteLocation: String!, $oldestTimestamp: DateTime, $latestTimestamp: DateTime, $retries: Int, $retryInterval: Int) {
  getLog(
    stationId: $stationId
    logType: $logType
    remoteLocation: $remoteLocation
    oldestTimestamp: $oldestTimestamp
    latestTimestamp: $latestTimestamp
    retries: $retries
    retryInterval: $retryInterval
  ) {
    status
    requestId
    filename
  }
}
    `),"\n  query StationSecurityRequests($stationId: ID!) {\n    logRequests(stationId: $stationId, first: 10) {\n      nodes {\n        id\n        requestId\n        logType\n        remoteLocation\n        requestedAt\n        requestedBy\n        status\n        error\n        filename\n        statusNotifications {\n          id\n          status\n          receivedAt\n        }\n      }\n    }\n    signedFirmwareUpdates(stationId: $stationId, first: 10) {\n      nodes {\n        id\n        requestId\n        location\n        requestedAt\n        requestedBy\n        status\n        error\n        statusNotifications {\n          id\n          status\n          receivedAt\n        }\n      }\n    }\n    certificateSigningRequests(stationId: $stationId, first: 10) {\n      nodes {\n        id\n        state\n        commonName\n        receivedAt\n        reason\n      }\n    }\n  }\n":new Z(`
    query StationSecurityRequests($stationId: ID!) {
  logRequests(stationId: $stationId, first: 10) {
    nodes {
      id
      requestId
      logType
      remoteLocation
      requestedAt
      requestedBy
      status
      error
      filename
      statusNotifications {
        id
        status
        receivedAt
      }
    }
  }
  signedFirmwareUpdates(stationId: $stationId, first: 10) {
    nodes {
      id
      requestId
      location
      requestedAt
      requestedBy
      status
      error
      statusNotifications {
        id
        status
        receivedAt
      }
    }
  }
  certificateSigningRequests(stationId: $stationId, first: 10) {
    nodes {
      id
      state
      commonName
      receivedAt
      reason
    }
  }
}
    `),"\n  mutation StationSignedUpdateFirmware(\n    $stationId: ID!\n    $firmware: FirmwareInput!\n    $retries: Int\n    $retryInterval: Int\n  ) {\n    signedUpdateFirmware(stationId: $stationId, firmware: $firmware, retries: $retries, retryInterval: $retryInterval) {\n      status\n      requestId\n    }\n  }\n":new Z(`
    mutation StationSignedUpdateFirmware($stationId: ID!, $firmware: FirmwareInput!, $retries: Int, $retryInterval: Int) {
  signedUpdateFirmware(
    stationId: $stationId
    firmware: $firmware
    retries: $retries
    retryInterval: $retryInterval
  ) {
    status
    requestId
  }
}
    `),"\n  mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {\n    certificateSigned(stationId: $stationId, certificateChain: $certificateChain, requestId: $requestId) {\n      status\n    }\n  }\n":new Z(`
    mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {
  certificateSigned(
    stationId: $stationId
    certificateChain: $certificateChain
    requestId: $requestId
  ) {
    status
  }
}
    `),"\n  mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {\n    setStationSecurityProfile(stationId: $stationId, profile: $profile) {\n      id\n      securityProfile\n    }\n  }\n":new Z(`
    mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {
  setStationSecurityProfile(stationId: $stationId, profile: $profile) {
    id
    securityProfile
  }
}
    `),"\n  mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {\n    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {\n      status\n      station {\n        id\n        hasAuthorizationKey\n      }\n    }\n  }\n":new Z(`
    mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
  setStationAuthorizationKey(
    stationId: $stationId
    key: $key
    sendToStation: $sendToStation
  ) {
    status
    station {
      id
      hasAuthorizationKey
    }
  }
}
    `),"\n  mutation StationApprove($id: ID!) {\n    approveStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Z(`
    mutation StationApprove($id: ID!) {
  approveStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  mutation StationReject($id: ID!) {\n    rejectStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Z(`
    mutation StationReject($id: ID!) {
  rejectStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {\n    remoteStartTransaction(stationId: $stationId, idTag: $idTag, connectorId: $connectorId) {\n      status\n    }\n  }\n":new Z(`
    mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {
  remoteStartTransaction(
    stationId: $stationId
    idTag: $idTag
    connectorId: $connectorId
  ) {
    status
  }
}
    `),"\n  mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {\n    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {\n      status\n    }\n  }\n":new Z(`
    mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {
  remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
    status
  }
}
    `),"\n  mutation StationReset($stationId: ID!, $type: ResetType!) {\n    reset(stationId: $stationId, type: $type) {\n      status\n    }\n  }\n":new Z(`
    mutation StationReset($stationId: ID!, $type: ResetType!) {
  reset(stationId: $stationId, type: $type) {
    status
  }
}
    `),"\n  mutation StationUnlock($stationId: ID!, $connectorId: Int!) {\n    unlockConnector(stationId: $stationId, connectorId: $connectorId) {\n      status\n    }\n  }\n":new Z(`
    mutation StationUnlock($stationId: ID!, $connectorId: Int!) {
  unlockConnector(stationId: $stationId, connectorId: $connectorId) {
    status
  }
}
    `),"\n  mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {\n    changeAvailability(stationId: $stationId, connectorId: $connectorId, type: $type) {\n      status\n    }\n  }\n":new Z(`
    mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {
  changeAvailability(
    stationId: $stationId
    connectorId: $connectorId
    type: $type
  ) {
    status
  }
}
    `),"\n  mutation StationClearCache($stationId: ID!) {\n    clearCache(stationId: $stationId) {\n      status\n    }\n  }\n":new Z(`
    mutation StationClearCache($stationId: ID!) {
  clearCache(stationId: $stationId) {
    status
  }
}
    `),"\n  mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {\n    triggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {\n      status\n    }\n  }\n":new Z(`
    mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {
  triggerMessage(
    stationId: $stationId
    requestedMessage: $requestedMessage
    connectorId: $connectorId
  ) {
    status
  }
}
    `),"\n  mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {\n    extendedTriggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {\n      status\n    }\n  }\n":new Z(`
    mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {
  extendedTriggerMessage(
    stationId: $stationId
    requestedMessage: $requestedMessage
    connectorId: $connectorId
  ) {
    status
  }
}
    `),"\n  mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {\n    dataTransfer(stationId: $stationId, vendorId: $vendorId, messageId: $messageId, data: $data) {\n      status\n      data\n    }\n  }\n":new Z(`
    mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {
  dataTransfer(
    stationId: $stationId
    vendorId: $vendorId
    messageId: $messageId
    data: $data
  ) {
    status
    data
  }
}
    `),"\n  mutation StationGetConfiguration($stationId: ID!, $keys: [String!]) {\n    getConfiguration(stationId: $stationId, keys: $keys) {\n      configurationKey {\n        key\n        value\n        readonly\n      }\n      unknownKey\n    }\n  }\n":new Z(`
    mutation StationGetConfiguration($stationId: ID!, $keys: [String!]) {
  getConfiguration(stationId: $stationId, keys: $keys) {
    configurationKey {
      key
      value
      readonly
    }
    unknownKey
  }
}
    `),"\n  mutation StationChangeConfiguration($stationId: ID!, $key: String!, $value: String!) {\n    changeConfiguration(stationId: $stationId, key: $key, value: $value) {\n      status\n    }\n  }\n":new Z(`
    mutation StationChangeConfiguration($stationId: ID!, $key: String!, $value: String!) {
  changeConfiguration(stationId: $stationId, key: $key, value: $value) {
    status
  }
}
    `),"\n  query StationJournal(\n    $stationId: ID!\n    $action: String\n    $direction: Direction\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    ocppMessages(\n      stationId: $stationId\n      action: $action\n      direction: $direction\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        direction\n        messageType\n        action\n        messageId\n        payload\n        size\n        truncated\n        sha256\n      }\n    }\n  }\n":new Z(`
    query StationJournal($stationId: ID!, $action: String, $direction: Direction, $first: Int, $after: String, $last: Int, $before: String) {
  ocppMessages(
    stationId: $stationId
    action: $action
    direction: $direction
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      createdAt
      direction
      messageType
      action
      messageId
      payload
      size
      truncated
      sha256
    }
  }
}
    `),"\n  query StationStickers($id: ID!) {\n    station(id: $id) {\n      id\n      displayName\n      connectors {\n        connectorId\n      }\n    }\n  }\n":new Z(`
    query StationStickers($id: ID!) {
  station(id: $id) {
    id
    displayName
    connectors {
      connectorId
    }
  }
}
    `),"\n  query StationsPage(\n    $first: Int\n    $last: Int\n    $after: String\n    $before: String\n    $search: String\n    $connected: Boolean\n    $registrationStatus: RegistrationStatus\n    $connectorStatus: ChargePointStatus\n    $site: String\n    $orderBy: StationOrder!\n    $descending: Boolean!\n  ) {\n    stations(\n      first: $first\n      last: $last\n      after: $after\n      before: $before\n      search: $search\n      connected: $connected\n      registrationStatus: $registrationStatus\n      connectorStatus: $connectorStatus\n      site: $site\n      orderBy: $orderBy\n      descending: $descending\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        displayName\n        site\n        connected\n        registrationStatus\n        vendor\n        model\n        firmwareVersion\n        lastSeenAt\n        connectors {\n          connectorId\n          status\n          errorCode\n        }\n      }\n    }\n  }\n":new Z(`
    query StationsPage($first: Int, $last: Int, $after: String, $before: String, $search: String, $connected: Boolean, $registrationStatus: RegistrationStatus, $connectorStatus: ChargePointStatus, $site: String, $orderBy: StationOrder!, $descending: Boolean!) {
  stations(
    first: $first
    last: $last
    after: $after
    before: $before
    search: $search
    connected: $connected
    registrationStatus: $registrationStatus
    connectorStatus: $connectorStatus
    site: $site
    orderBy: $orderBy
    descending: $descending
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      displayName
      site
      connected
      registrationStatus
      vendor
      model
      firmwareVersion
      lastSeenAt
      connectors {
        connectorId
        status
        errorCode
      }
    }
  }
}
    `),"\n  query StationsSites {\n    sites {\n      name\n      stations\n    }\n  }\n":new Z(`
    query StationsSites {
  sites {
    name
    stations
  }
}
    `),"\n  subscription StationsFleetChanged {\n    fleetSummary(everySeconds: 10) {\n      at\n      online\n      offline\n      pending\n      rejected\n      activeTransactions\n      connectors {\n        status\n        count\n      }\n    }\n  }\n":new Z(`
    subscription StationsFleetChanged {
  fleetSummary(everySeconds: 10) {
    at
    online
    offline
    pending
    rejected
    activeTransactions
    connectors {
      status
      count
    }
  }
}
    `),"\n  query TagsList(\n    $first: Int\n    $last: Int\n    $after: String\n    $before: String\n    $search: String\n    $status: AuthorizationStatus\n    $owner: String\n    $autoCreated: Boolean\n  ) {\n    idTags(\n      first: $first\n      last: $last\n      after: $after\n      before: $before\n      search: $search\n      status: $status\n      owner: $owner\n      autoCreated: $autoCreated\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        idTag\n        status\n        effectiveStatus\n        expiryDate\n        parentIdTag\n        owner\n        autoCreated\n        createdAt\n        updatedAt\n        budget {\n          limitWh\n          period\n          periodStart\n          periodEnd\n          usedWh\n          remainingWh\n          exhausted\n        }\n      }\n    }\n  }\n":new Z(`
    query TagsList($first: Int, $last: Int, $after: String, $before: String, $search: String, $status: AuthorizationStatus, $owner: String, $autoCreated: Boolean) {
  idTags(
    first: $first
    last: $last
    after: $after
    before: $before
    search: $search
    status: $status
    owner: $owner
    autoCreated: $autoCreated
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      idTag
      status
      effectiveStatus
      expiryDate
      parentIdTag
      owner
      autoCreated
      createdAt
      updatedAt
      budget {
        limitWh
        period
        periodStart
        periodEnd
        usedWh
        remainingWh
        exhausted
      }
    }
  }
}
    `),"\n  query TagsUnknown {\n    idTags(autoCreated: true, status: INVALID, first: 20) {\n      totalCount\n      nodes {\n        idTag\n        createdAt\n        updatedAt\n      }\n    }\n  }\n":new Z(`
    query TagsUnknown {
  idTags(autoCreated: true, status: INVALID, first: 20) {
    totalCount
    nodes {
      idTag
      createdAt
      updatedAt
    }
  }
}
    `),"\n  mutation TagsCreate($input: CreateIdTagInput!) {\n    createIdTag(input: $input) {\n      idTag\n    }\n  }\n":new Z(`
    mutation TagsCreate($input: CreateIdTagInput!) {
  createIdTag(input: $input) {
    idTag
  }
}
    `),"\n  mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {\n    updateIdTag(idTag: $idTag, input: $input) {\n      idTag\n      status\n    }\n  }\n":new Z(`
    mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {
  updateIdTag(idTag: $idTag, input: $input) {
    idTag
    status
  }
}
    `),"\n  mutation TagsDelete($idTag: String!) {\n    deleteIdTag(idTag: $idTag)\n  }\n":new Z(`
    mutation TagsDelete($idTag: String!) {
  deleteIdTag(idTag: $idTag)
}
    `),"\n  mutation TagsSetBudget($idTag: String!, $budget: EnergyBudgetInput) {\n    setIdTagBudget(idTag: $idTag, budget: $budget) {\n      idTag\n    }\n  }\n":new Z(`
    mutation TagsSetBudget($idTag: String!, $budget: EnergyBudgetInput) {
  setIdTagBudget(idTag: $idTag, budget: $budget) {
    idTag
  }
}
    `),"\n  query TxList(\n    $first: Int\n    $last: Int\n    $after: String\n    $before: String\n    $stationId: ID\n    $idTag: String\n    $from: DateTime\n    $to: DateTime\n    $active: Boolean\n  ) {\n    transactions(\n      first: $first\n      last: $last\n      after: $after\n      before: $before\n      stationId: $stationId\n      idTag: $idTag\n      from: $from\n      to: $to\n      active: $active\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        stationId\n        connectorId\n        idTag\n        startTime\n        stopTime\n        durationSeconds\n        energyWh\n        stopReason\n        flags\n        active\n      }\n    }\n  }\n":new Z(`
    query TxList($first: Int, $last: Int, $after: String, $before: String, $stationId: ID, $idTag: String, $from: DateTime, $to: DateTime, $active: Boolean) {
  transactions(
    first: $first
    last: $last
    after: $after
    before: $before
    stationId: $stationId
    idTag: $idTag
    from: $from
    to: $to
    active: $active
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      stationId
      connectorId
      idTag
      startTime
      stopTime
      durationSeconds
      energyWh
      stopReason
      flags
      active
    }
  }
}
    `),"\n  query TxDetail($id: Int!) {\n    transaction(id: $id) {\n      id\n      stationId\n      connectorId\n      idTag\n      idTagStatus\n      stopIdTag\n      startTime\n      startedReceivedAt\n      stopTime\n      stoppedReceivedAt\n      durationSeconds\n      energyWh\n      meterStart\n      meterStop\n      stopReason\n      flags\n      active\n      needsReconciliation\n      reservationId\n    }\n  }\n":new Z(`
    query TxDetail($id: Int!) {
  transaction(id: $id) {
    id
    stationId
    connectorId
    idTag
    idTagStatus
    stopIdTag
    startTime
    startedReceivedAt
    stopTime
    stoppedReceivedAt
    durationSeconds
    energyWh
    meterStart
    meterStop
    stopReason
    flags
    active
    needsReconciliation
    reservationId
  }
}
    `),"\n  query TxSamples($id: Int!) {\n    transaction(id: $id) {\n      id\n      energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 1000) {\n        nodes {\n          timestamp\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n      power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 1000) {\n        nodes {\n          timestamp\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n    }\n  }\n":new Z(`
    query TxSamples($id: Int!) {
  transaction(id: $id) {
    id
    energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 1000) {
      nodes {
        timestamp
        measurand
        phase
        unit
        numericValue
      }
    }
    power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 1000) {
      nodes {
        timestamp
        measurand
        phase
        unit
        numericValue
      }
    }
  }
}
    `),"\n  subscription TxMeterValues($transactionId: Int!) {\n    meterValues(transactionId: $transactionId) {\n      transactionId\n      meterValues {\n        timestamp\n        sampledValues {\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n    }\n  }\n":new Z(`
    subscription TxMeterValues($transactionId: Int!) {
  meterValues(transactionId: $transactionId) {
    transactionId
    meterValues {
      timestamp
      sampledValues {
        measurand
        phase
        unit
        numericValue
      }
    }
  }
}
    `),"\n  subscription TxEvents($stationId: ID!) {\n    transactionEvents(stationId: $stationId) {\n      kind\n      transaction {\n        id\n      }\n    }\n  }\n":new Z(`
    subscription TxEvents($stationId: ID!) {
  transactionEvents(stationId: $stationId) {
    kind
    transaction {
      id
    }
  }
}
    `),"\n  query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: UsagePeriod!, $stationId: ID, $idTag: String) {\n    usage(from: $from, to: $to, groupBy: $groupBy, stationId: $stationId, idTag: $idTag) {\n      from\n      to\n      totals {\n        energyKwh\n        sessions\n        chargingSeconds\n        connectorUtilisation\n      }\n      periods {\n        start\n        end\n        totals {\n          energyKwh\n          sessions\n          chargingSeconds\n          connectorUtilisation\n        }\n        byStation {\n          stationId\n          figures {\n            energyKwh\n            sessions\n            chargingSeconds\n            connectorUtilisation\n          }\n        }\n        byIdTag {\n          idTag\n          figures {\n            energyKwh\n            sessions\n            chargingSeconds\n          }\n        }\n      }\n    }\n  }\n":new Z(`
    query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: UsagePeriod!, $stationId: ID, $idTag: String) {
  usage(
    from: $from
    to: $to
    groupBy: $groupBy
    stationId: $stationId
    idTag: $idTag
  ) {
    from
    to
    totals {
      energyKwh
      sessions
      chargingSeconds
      connectorUtilisation
    }
    periods {
      start
      end
      totals {
        energyKwh
        sessions
        chargingSeconds
        connectorUtilisation
      }
      byStation {
        stationId
        figures {
          energyKwh
          sessions
          chargingSeconds
          connectorUtilisation
        }
      }
      byIdTag {
        idTag
        figures {
          energyKwh
          sessions
          chargingSeconds
        }
      }
    }
  }
}
    `)};function er(e){return $n[e]??{}}var tr=`chargegate.session`;function nr(){try{let e=localStorage.getItem(tr);if(!e)return null;let t=JSON.parse(e);return t.expiresAt&&Date.parse(t.expiresAt)<=Date.now()?null:t}catch{return null}}var Q=K(nr()),rr=K(null);function ir(e){localStorage.setItem(tr,JSON.stringify(e)),rr.value=null,Q.value=e}function ar(e=null){localStorage.removeItem(tr),rr.value=e,Q.value=null}var or=J(()=>Q.value?.role??null),sr=J(()=>or.value!==null&&or.value!==`DRIVER`),cr=J(()=>or.value===`ADMIN`||or.value===`OPERATOR`),lr=J(()=>or.value===`ADMIN`),ur=class extends Error{code;constructor(e,t){super(e),this.code=t}};function dr(e){let t=e.errors?.[0];return t?new ur(t.message,String(t.extensions?.code??`ERROR`)):null}async function fr(e,...[t,n]){let r={"content-type":`application/json`},i=Q.value?.token;i&&(r.authorization=`Bearer ${i}`);let a;try{a=await fetch(`/graphql`,{method:`POST`,headers:r,body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch(e){throw new ur(String(e),`NETWORK`)}let o;try{o=await a.json()}catch{throw new ur(`HTTP ${a.status}`,a.status>=500?`NETWORK`:`ERROR`)}let s=dr(o);if(s)throw s.code===`UNAUTHENTICATED`&&i&&!n?.keepSession&&ar(`expired`),s;return o.data}var pr=K(`closed`),mr=null,hr;function gr(){let e=Q.value?.token;if(mr&&hr===e)return mr;mr?.dispose(),hr=e;let n=`${location.protocol===`https:`?`wss`:`ws`}://${location.host}/graphql/ws`;return mr=t({url:n,connectionParams:e?{Authorization:`Bearer ${e}`}:{},lazy:!0,lazyCloseTimeout:3e3,keepAlive:2e4,retryAttempts:1/0,shouldRetry:()=>!0,on:{connecting:()=>pr.value=`connecting`,connected:()=>pr.value=`connected`,closed:()=>pr.value=`closed`},retryWait:async e=>{await new Promise(t=>setTimeout(t,Math.min(1e3*2**e,15e3)))}}),mr}function _r(e,t,n){let r=!1,i=null,a,o=0,s=()=>{r||(i=gr().subscribe({query:e.toString(),variables:t},{next:e=>{o=0,e.data&&n.next(e.data),dr(e)&&c()},error:()=>c(),complete:()=>c()}))},c=()=>{i?.(),i=null,r||(clearTimeout(a),a=setTimeout(()=>{n.resync?.(),s()},Math.min(500*2**o++,1e4)))},l=()=>{r||document.visibilityState!==`visible`||(i?.(),clearTimeout(a),n.resync?.(),s())};return s(),document.addEventListener(`visibilitychange`,l),window.addEventListener(`online`,l),()=>{r=!0,clearTimeout(a),i?.(),document.removeEventListener(`visibilitychange`,l),window.removeEventListener(`online`,l)}}var vr=er(`
  query PendingAccounts {
    accounts(pending: true) {
      username
    }
  }
`),yr=K(null),br=0;async function xr(){let e=++br;if(!cr.value)yr.value=null;else try{let{accounts:t}=await fr(vr);e===br&&(yr.value=t.length)}catch{e===br&&(yr.value=null)}}var Sr=Symbol.for(`pv`),Cr=0;Array.isArray;function $(e,t,n,i,a,o){t||={};var s,c,l=t;if(`ref`in l&&typeof e!=`function`)for(c in l={},t)c==`ref`?s=t[c]:l[c]=t[c];var u={type:e,props:l,key:n,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Sr,__v:--Cr,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),r.vnode&&r.vnode(u),u}function wr(e){return Ae(()=>{document.title=`${e.title} · chargegate`},[e.title]),$(`section`,{class:`page`,"aria-labelledby":`page-title`,children:[$(`header`,{class:`page-head`,children:[$(`h1`,{id:`page-title`,children:e.title}),e.actions&&$(`div`,{class:`page-actions`,children:e.actions})]}),e.children]})}function Tr({error:e}){if(!e)return null;let t=`error.${e.code}`;return $(`p`,{class:`notice error`,role:`alert`,children:[$(`strong`,{children:X(X(t)===t?`error.generic`:t)}),` `,$(`span`,{class:`muted`,children:[`(`,e.code,`)`]}),` `,e.message]})}function Er({status:e,children:t}){return!e&&!t?null:$(`p`,{class:`notice ${e===`ACCEPTED`||e===`UNLOCKED`||e===`SCHEDULED`?`ok`:`warn`}`,role:`status`,children:[e&&$(E,{children:[X(`command.answer`),`: `,$(`strong`,{children:e}),` `]}),t]})}function Dr(e){let t=z(null);return $(E,{children:[$(`button`,{type:`button`,class:e.danger?`danger`:void 0,disabled:e.disabled,onClick:()=>t.current?.showModal(),children:e.label}),$(`dialog`,{ref:t,"aria-label":e.label,children:$(`form`,{method:`dialog`,children:[$(`p`,{children:e.question}),$(`div`,{class:`row`,children:[$(`button`,{value:`cancel`,type:`submit`,children:X(`common.cancel`)}),$(`button`,{value:`ok`,type:`submit`,class:e.danger?`danger`:`primary`,onClick:()=>e.onConfirm(),children:X(`common.confirm`)})]})]})})]})}function Or(e){let t=e.pageInfo;return t?$(`nav`,{class:`pager`,"aria-label":X(`common.pages`),children:[e.total!==void 0&&$(`span`,{class:`muted`,children:X(`common.total`,{n:Gn(e.total)})}),$(`button`,{type:`button`,disabled:!t.hasPreviousPage,onClick:()=>e.onPage({before:t.startCursor}),children:[`‹ `,X(`common.previous`)]}),$(`button`,{type:`button`,disabled:!t.hasNextPage,onClick:()=>e.onPage({after:t.endCursor}),children:[X(`common.next`),` ›`]})]}):null}function kr({value:e}){return e?$(`span`,{class:`badge s-${e.toLowerCase().replaceAll(`_`,``)}`,children:e.replaceAll(`_`,` `).toLowerCase()}):$(`span`,{class:`badge`,children:`–`})}function Ar(e){let t=Pe(),n=e.children,r=a(n),i=r?n.props.id??t:void 0;return $(`div`,{class:`field`,children:[r?$(`label`,{for:i,children:e.label}):$(`span`,{children:e.label}),r?w(n,{id:i}):n,e.hint&&$(`small`,{class:`muted`,children:e.hint})]})}function jr(e,t=250){let[n,r]=R(e);return Ae(()=>{let n=setTimeout(()=>r(e),t);return()=>clearTimeout(n)},[e,t]),n}var Mr=er(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      role
      expiresAt
    }
  }
`),Nr=er(`
  query Me {
    me {
      sub
      role
      stations
    }
  }
`);function Pr(){let[e,t]=R(``),[n,r]=R(``),[i,a]=R(``),[o,s]=R(!1),[c,l]=R(null),[u,d]=R(!1),f=async(e,t)=>{Q.value={token:e,role:`VIEWER`,sub:``};let{me:n}=await fr(Nr);ir({token:e,role:n.role,sub:n.sub,stations:n.stations,expiresAt:t})};return $(`main`,{id:`main`,class:`login`,children:$(`form`,{onSubmit:async t=>{t.preventDefault(),d(!0),l(null);try{if(o)await f(i.trim().replace(/^Bearer\s+/i,``),null);else{let{login:t}=await fr(Mr,{username:e,password:n});await f(t.token,t.expiresAt)}}catch(e){Q.value=null,l(e instanceof ur?e:new ur(String(e),`ERROR`))}finally{d(!1)}},class:`card`,"aria-labelledby":`login-title`,children:[$(`h1`,{id:`login-title`,children:`chargegate`}),$(`p`,{class:`muted`,children:X(`login.intro`)}),rr.value===`expired`&&$(`p`,{class:`notice warn`,children:X(`login.expired`)}),o?$(Ar,{label:X(`login.token`),children:$(`textarea`,{name:`token`,required:!0,rows:4,value:i,onInput:e=>a(e.currentTarget.value)})}):$(E,{children:[$(Ar,{label:X(`login.username`),children:$(`input`,{name:`username`,autocomplete:`username`,required:!0,value:e,onInput:e=>t(e.currentTarget.value)})}),$(Ar,{label:X(`login.password`),children:$(`input`,{name:`password`,type:`password`,autocomplete:`current-password`,required:!0,value:n,onInput:e=>r(e.currentTarget.value)})})]}),$(Tr,{error:c}),$(`button`,{type:`submit`,class:`primary`,disabled:u,children:X(`login.submit`)}),$(`button`,{type:`button`,class:`link`,onClick:()=>s(!o),children:X(o?`login.withPassword`:`login.withToken`)}),$(`label`,{class:`lang`,children:[X(`nav.language`),` `,$(`select`,{value:Y.value,onChange:e=>zn(e.currentTarget.value),children:In.map(e=>$(`option`,{value:e.code,children:e.name},e.code))})]})]})})}var Fr=H(()=>n(()=>import(`./overview-B_YPsTaN.js`).then(e=>e.Overview),__vite__mapDeps([0,1]))),Ir=H(()=>n(()=>import(`./stations-CiGIvBUY.js`).then(e=>e.Stations),__vite__mapDeps([2,1]))),Lr=H(()=>n(()=>import(`./station-CNscKWGh.js`).then(e=>e.StationPage),__vite__mapDeps([3,1,4,5,6,7,8,9]))),Rr=H(()=>n(()=>import(`./transactions-De89nzLN.js`).then(e=>e.Transactions),__vite__mapDeps([10,4,5,11,1]))),zr=H(()=>n(()=>import(`./usage-CPCt82y9.js`).then(e=>e.Usage),__vite__mapDeps([12,4,5,11,1]))),Br=H(()=>n(()=>import(`./tags-DGFiTKhr.js`).then(e=>e.Tags),__vite__mapDeps([13,1,14]))),Vr=H(()=>n(()=>import(`./security-CnuWGByF.js`).then(e=>e.Security),__vite__mapDeps([15,1]))),Hr=H(()=>n(()=>import(`./accounts-BlnKTT52.js`).then(e=>e.Accounts),__vite__mapDeps([16,1,14]))),Ur=H(()=>n(()=>import(`./qr-BeQdRbUp.js`).then(e=>e.QrStickers),__vite__mapDeps([6,1,7]))),Wr=H(()=>n(()=>import(`./my-account-DvNwCZvd.js`).then(e=>e.MyAccount),[])),Gr=`/app/`,Kr=e=>e===`/app`||e.startsWith(`/app/`),qr=/^\/(?!app(?:[/?#]|$))/,Jr=[{href:`/`,key:`nav.overview`,show:()=>sr.value},{href:`/stations`,key:`nav.stations`,show:()=>sr.value},{href:`/transactions`,key:`nav.transactions`,show:()=>!0},{href:`/usage`,key:`nav.usage`,show:()=>!0},{href:`/tags`,key:`nav.tags`,show:()=>!0},{href:`/security`,key:`nav.security`,show:()=>cr.value},{href:`/accounts`,key:`nav.accounts`,show:()=>cr.value}];function Yr(){let{path:e}=tt(),t=t=>t===`/`?e===`/`:e===t||e.startsWith(`${t}/`);Ae(()=>{xr()},[e,`${Q.value?.sub}|${Q.value?.role}`]),Ae(()=>{let e=setInterval(()=>void xr(),6e4);return()=>clearInterval(e)},[]);let n=yr.value;return $(`nav`,{class:`nav`,"aria-label":X(`nav.label`),children:[$(`a`,{class:`brand`,href:`/`,children:`chargegate`}),$(`ul`,{children:[Jr.filter(e=>e.show()).map(e=>$(`li`,{children:$(`a`,{href:e.href,"aria-current":t(e.href)?`page`:void 0,children:[X(e.key),e.href===`/accounts`&&n?$(E,{children:[` `,$(`span`,{class:`count-badge`,"data-testid":`pending-badge`,children:[n,$(`span`,{class:`sr-only`,children:[` `,X(`nav.pendingAccounts`,{n})]})]})]}):null]})},e.href)),sr.value&&$(`li`,{children:$(`a`,{href:Gr,class:`to-app`,children:X(`nav.driversApp`)})})]}),$(`div`,{class:`nav-end`,children:[$(`label`,{class:`lang`,children:[$(`span`,{class:`sr-only`,children:X(`nav.language`)}),$(`select`,{value:Y.value,onChange:e=>zn(e.currentTarget.value),children:In.map(e=>$(`option`,{value:e.code,children:e.name},e.code))})]}),$(`a`,{class:`who`,href:`/account`,"aria-current":e===`/account`?`page`:void 0,children:[Q.value?.sub,` `,$(`span`,{class:`muted`,children:[`(`,Q.value?.role.toLowerCase(),`)`]}),$(`span`,{class:`sr-only`,children:[` · `,X(`nav.myAccount`)]})]}),$(`button`,{type:`button`,onClick:()=>ar(),children:X(`nav.signOut`)})]})]})}function Xr(){return $(`section`,{class:`page`,children:[$(`h1`,{children:X(`common.notFound`)}),$(`p`,{children:$(`a`,{href:`/`,children:X(`nav.overview`)})})]})}function Zr(){return $(`main`,{id:`main`,class:`login`,children:$(`section`,{class:`card`,"aria-labelledby":`noapp-title`,children:[$(`h1`,{id:`noapp-title`,children:X(`nav.driversApp`)}),$(`p`,{class:`notice warn`,children:X(`nav.noApp`)}),$(`p`,{class:`row`,children:[sr.value&&$(`a`,{href:`/`,children:X(`nav.overview`)}),$(`button`,{type:`button`,onClick:()=>ar(),children:X(`nav.signOut`)})]})]})})}function Qr(){return Ae(()=>{location.replace(Gr)},[]),$(`main`,{id:`main`,class:`login`,children:$(`p`,{role:`status`,children:X(`nav.toApp`)})})}function $r(){return Y.value,Q.value&&Kr(location.pathname)?$(Zr,{}):Q.value?Q.value.role===`DRIVER`?$(Qr,{}):$(E,{children:[$(`a`,{class:`skip`,href:`#main`,children:X(`nav.skip`)}),$(Yr,{}),$(`main`,{id:`main`,tabIndex:-1,children:$(at,{children:$(Xe,{children:[$(V,{path:`/`,component:Fr}),$(V,{path:`/stations`,component:Ir}),$(V,{path:`/stations/:id`,component:Lr}),$(V,{path:`/stations/:id/qr`,component:Ur}),$(V,{path:`/stations/:id/:tab`,component:Lr}),$(V,{path:`/transactions`,component:Rr}),$(V,{path:`/transactions/:id`,component:Rr}),$(V,{path:`/usage`,component:zr}),$(V,{path:`/tags`,component:Br}),$(V,{path:`/security`,component:Vr}),$(V,{path:`/security/:tab`,component:Vr}),$(V,{path:`/accounts`,component:Hr}),$(V,{path:`/account`,component:Wr}),$(V,{default:!0,component:Xr})]})})})]}):$(Pr,{})}he($(Je,{scope:qr,children:$($r,{})}),document.getElementById(`app`));export{at as A,Jn as C,qn as D,Gn as E,z as F,Me as I,R as L,tt as M,nt as N,Y as O,Ae as P,B as R,Yn as S,Kn as T,sr as _,Er as a,Wn as b,jr as c,ur as d,_r as f,lr as g,cr as h,Ar as i,H as j,X as k,$ as l,fr as m,Dr as n,wr as o,pr as p,Tr as r,Or as s,kr as t,xr as u,Q as v,Xn as w,Zn as x,er as y,E as z};